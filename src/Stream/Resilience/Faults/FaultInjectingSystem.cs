using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Resilience.Faults;

/// <summary>Wraps a system so that it throws with a probability and/or answers late.</summary>
public sealed class FaultInjectingSystem(IPredictionSystem inner, SystemFaultOptions faults, int seed) : IPredictionSystem
{
    private readonly Random _random = new(HashCode.Combine(seed, inner.Id.GetHashCode(StringComparison.Ordinal)));
    private readonly object _gate = new();

    public string Id => inner.Id;

    public bool CombinesOtherSystems => inner.CombinesOtherSystems;

    public SystemResult Predict(PredictionInput input)
    {
        if (faults.DelayMs > 0) Thread.Sleep(faults.DelayMs);
        double draw;
        lock (_gate) draw = _random.NextDouble();
        if (draw < faults.ThrowProbability)
            throw new InjectedFaultException($"injected fault in {inner.Id} (throw_probability {faults.ThrowProbability})", transient: false);
        return inner.Predict(input);
    }
}
