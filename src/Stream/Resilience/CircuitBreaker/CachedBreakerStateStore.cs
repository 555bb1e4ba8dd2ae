using StreamProcessor.Sinks.Breakers;

namespace StreamProcessor.Stream.Resilience.CircuitBreaker;

/// <summary>
/// Caches reads of the breaker table for a TTL (production: 30 s), so checking for another replica's
/// changes costs nothing per request: a read returns the cached snapshot itself. Writes (rare: state
/// transitions) go through and replace the snapshot with an updated copy.
/// </summary>
public sealed class CachedBreakerStateStore(IBreakerStateStore inner, TimeSpan timeToLive, TimeProvider clock) : IBreakerStateStore
{
    private readonly object _gate = new();
    private IReadOnlyDictionary<string, BreakerRecord>? _cached;
    private DateTimeOffset _readAt;

    public IReadOnlyDictionary<string, BreakerRecord> ReadAll()
    {
        lock (_gate)
        {
            if (_cached is null || clock.GetUtcNow() - _readAt >= timeToLive)
            {
                _cached = new Dictionary<string, BreakerRecord>(inner.ReadAll());
                _readAt = clock.GetUtcNow();
            }
            return _cached;
        }
    }

    public void Save(BreakerRecord record)
    {
        inner.Save(record);
        lock (_gate)
        {
            if (_cached is not null) _cached = new Dictionary<string, BreakerRecord>(_cached) { [record.SystemId] = record };
        }
    }

    public IReadOnlyList<string> ResetDataStarved(DateTimeOffset now)
    {
        var reset = inner.ResetDataStarved(now);
        lock (_gate) _cached = null;
        return reset;
    }
}
