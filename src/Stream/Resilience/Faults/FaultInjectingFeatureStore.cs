using StreamProcessor.Sinks.Features;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Resilience.Faults;

/// <summary>Wraps the feature store so that its first reads fail transiently, or every read fails.</summary>
public sealed class FaultInjectingFeatureStore(IFeatureStore inner, ReadFaultOptions faults) : IFeatureStore
{
    private readonly ReadFaults _faults = new("feature store", faults);

    public Task<IReadOnlyDictionary<PlayerDate, FeatureRecord>> LoadAsync(IReadOnlyCollection<PlayerDate> keys, CancellationToken cancellationToken)
    {
        _faults.ThrowIfFaulty();
        return inner.LoadAsync(keys, cancellationToken);
    }
}
