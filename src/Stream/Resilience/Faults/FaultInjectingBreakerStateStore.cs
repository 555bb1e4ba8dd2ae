using StreamProcessor.Sinks.Breakers;

namespace StreamProcessor.Stream.Resilience.Faults;

/// <summary>Wraps the breaker-state store so that its first calls (reads and saves) fail transiently, or every call fails.</summary>
public sealed class FaultInjectingBreakerStateStore(IBreakerStateStore inner, ReadFaultOptions faults) : IBreakerStateStore
{
    private readonly ReadFaults _faults = new("breaker-state store", faults);

    public IReadOnlyDictionary<BreakerKey, BreakerRecord> ReadAll()
    {
        _faults.ThrowIfFaulty();
        return inner.ReadAll();
    }

    public void Save(BreakerRecord record)
    {
        _faults.ThrowIfFaulty();
        inner.Save(record);
    }

    public IReadOnlyList<BreakerKey> ResetDataStarved(DateTimeOffset now) => inner.ResetDataStarved(now);
}
