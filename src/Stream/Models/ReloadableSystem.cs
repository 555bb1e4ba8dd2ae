using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Models;

/// <summary>
/// A system whose model can be replaced while the pipeline runs: the pipeline and the breakers hold this one
/// object per id, and each call goes to whichever instance was current when it started.
/// </summary>
internal sealed class ReloadableSystem(IPredictionSystem initial) : IPredictionSystem
{
    private IPredictionSystem _current = initial;

    public string Id { get; } = initial.Id;

    public bool CombinesOtherSystems { get; } = initial.CombinesOtherSystems;

    public SystemResult Predict(PredictionInput input) => Volatile.Read(ref _current).Predict(input);

    public void Replace(IPredictionSystem next)
    {
        if (next.Id != Id) throw new ArgumentException($"cannot replace {Id} with {next.Id}", nameof(next));
        Volatile.Write(ref _current, next);
    }
}
