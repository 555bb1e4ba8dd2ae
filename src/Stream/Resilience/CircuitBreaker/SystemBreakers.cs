using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Resilience.CircuitBreaker;

/// <summary>
/// The breakers of all systems, restored from the persisted table on creation and kept in step with it:
/// a newer row written elsewhere (another replica opening a breaker, <c>features build</c> auto-resetting
/// a data-starved one) is adopted when the cached table is next read.
/// </summary>
public sealed class SystemBreakers
{
    private readonly Dictionary<string, SystemBreaker> _breakers;
    private readonly IBreakerStateStore _store;
    private readonly TimeProvider _clock;

    public SystemBreakers(IEnumerable<string> systemIds, BreakerOptions options, IBreakerStateStore store, IPipelineObserver observer, TimeProvider clock)
    {
        _store = new CachedBreakerStateStore(store, TimeSpan.FromSeconds(options.StateCacheSeconds), clock);
        _clock = clock;
        _breakers = systemIds.ToDictionary(id => id, id => new SystemBreaker(id, options, _store, observer, clock));
        var persisted = _store.ReadAll();
        foreach (var breaker in _breakers.Values)
        {
            if (persisted.TryGetValue(breaker.SystemId, out var record)) breaker.Restore(record);
            else observer.BreakerStateChanged(breaker.SystemId, BreakerState.Closed);
        }
    }

    public IReadOnlyDictionary<string, SystemBreaker> All => _breakers;

    public (SystemResult Result, bool Tripped) Execute(IPredictionSystem system, Func<SystemResult> predict)
    {
        if (!_breakers.TryGetValue(system.Id, out var breaker)) return (predict(), false);
        Adopt(breaker);
        return breaker.Execute(predict);
    }

    /// <summary>Auto-reset: new features have arrived, so breakers that opened for missing data close now.</summary>
    public IReadOnlyList<string> ResetDataStarved()
    {
        var reset = _store.ResetDataStarved(_clock.GetUtcNow()).ToHashSet();
        foreach (var breaker in _breakers.Values)
        {
            if (breaker.State != BreakerState.Closed && breaker.OpenCause == BreakerRecord.CauseDataMissing)
            {
                breaker.Close();
                reset.Add(breaker.SystemId);
            }
        }
        return reset.Order().ToArray();
    }

    private void Adopt(SystemBreaker breaker)
    {
        if (!_store.ReadAll().TryGetValue(breaker.SystemId, out var record) || record.UpdatedAt <= breaker.LastPersisted) return;
        if (record.State == BreakerRecord.Closed && breaker.State != BreakerState.Closed) breaker.Close();
        else if (record.State != BreakerRecord.Closed && breaker.State == BreakerState.Closed) breaker.Restore(record);
    }
}
