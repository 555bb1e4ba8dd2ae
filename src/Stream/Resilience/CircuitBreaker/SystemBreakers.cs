using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Resilience.CircuitBreaker;

/// <summary>
/// The breakers of all systems, one per (system, prop), restored from the persisted table on creation and kept in
/// step with it: a newer row written elsewhere (another replica opening a breaker, <c>features build</c> or
/// <c>model train</c> auto-resetting a data-starved one) is adopted when the cached table next shows it.
/// </summary>
public sealed class SystemBreakers
{
    private readonly Dictionary<BreakerKey, SystemBreaker> _breakers;
    private readonly CachedBreakerStateStore _store;
    private readonly TimeProvider _clock;

    public SystemBreakers(IEnumerable<string> systemIds, BreakerOptions options, IBreakerStateStore store, IPipelineObserver observer, TimeProvider clock)
    {
        _store = new CachedBreakerStateStore(store, TimeSpan.FromSeconds(options.StateCacheSeconds), clock);
        _clock = clock;
        _breakers = systemIds.SelectMany(id => PropTypes.All.Select(prop => new BreakerKey(id, prop)))
            .ToDictionary(key => key, key => new SystemBreaker(key, options, _store, observer, clock));
        var persisted = _store.ReadAll();
        foreach (var breaker in _breakers.Values)
        {
            if (persisted.TryGetValue(breaker.Key, out var record)) breaker.Restore(record);
            else observer.BreakerStateChanged(breaker.Key.SystemId, breaker.Key.Prop, BreakerState.Closed);
        }
    }

    public IReadOnlyDictionary<BreakerKey, SystemBreaker> All => _breakers;

    /// <summary>The cached view of the persisted table the breakers adopt changes from.</summary>
    internal CachedBreakerStateStore Store => _store;

    public (SystemResult Result, bool Tripped) Execute(IPredictionSystem system, PropType prop, Func<SystemResult> predict)
    {
        if (!_breakers.TryGetValue(new BreakerKey(system.Id, prop), out var breaker)) return (predict(), false);
        Adopt(breaker);
        return breaker.Execute(predict);
    }

    /// <summary>Auto-reset: the missing data has arrived, so breakers that opened for missing data close now.</summary>
    public IReadOnlyList<BreakerKey> ResetDataStarved()
    {
        var reset = _store.ResetDataStarved(_clock.GetUtcNow()).ToHashSet();
        foreach (var breaker in _breakers.Values)
        {
            if (breaker.State != BreakerState.Closed && breaker.OpenCause == BreakerRecord.CauseDataMissing)
            {
                breaker.Close();
                reset.Add(breaker.Key);
            }
        }
        return reset.OrderBy(k => k.ToString(), StringComparer.Ordinal).ToArray();
    }

    private void Adopt(SystemBreaker breaker)
    {
        if (!_store.ReadAll().TryGetValue(breaker.Key, out var record) || record.UpdatedAt <= breaker.LastPersisted) return;
        if (record.State == BreakerRecord.Closed && breaker.State != BreakerState.Closed) breaker.Close();
        else if (record.State != BreakerRecord.Closed && breaker.State == BreakerState.Closed) breaker.Restore(record);
    }
}
