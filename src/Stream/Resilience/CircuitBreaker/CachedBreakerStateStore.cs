using StreamProcessor.Sinks.Breakers;

namespace StreamProcessor.Stream.Resilience.CircuitBreaker;

/// <summary>
/// Caches reads of the breaker table for a TTL (production: 30 s), so checking for another replica's changes
/// costs nothing per request. A read never waits for the database: it returns the snapshot it has, and when that
/// is older than the TTL it starts one refresh in the background (every system call reads this store, so a
/// database read under a lock here would stall them all). Writes (rare: state transitions) go through and
/// update the snapshot at once.
/// </summary>
public sealed class CachedBreakerStateStore : IBreakerStateStore
{
    private readonly IBreakerStateStore _inner;
    private readonly TimeSpan _timeToLive;
    private readonly TimeProvider _clock;
    private readonly object _writeGate = new();
    private volatile Snapshot _snapshot;
    private int _refreshing;
    private Task _refresh = Task.CompletedTask;

    private sealed record Snapshot(IReadOnlyDictionary<BreakerKey, BreakerRecord> Records, DateTimeOffset ReadAt);

    /// <summary>Reads the table once now (at start-up), then only in the background.</summary>
    public CachedBreakerStateStore(IBreakerStateStore inner, TimeSpan timeToLive, TimeProvider clock)
    {
        _inner = inner;
        _timeToLive = timeToLive;
        _clock = clock;
        _snapshot = new Snapshot(new Dictionary<BreakerKey, BreakerRecord>(inner.ReadAll()), clock.GetUtcNow());
    }

    /// <summary>The last background refresh that failed, if the latest did (the stale snapshot stays in use).</summary>
    public Exception? LastRefreshError { get; private set; }

    /// <summary>The refresh in progress, or the last one (completed).</summary>
    internal Task Refreshing => Volatile.Read(ref _refresh);

    public IReadOnlyDictionary<BreakerKey, BreakerRecord> ReadAll()
    {
        var snapshot = _snapshot;
        if (_clock.GetUtcNow() - snapshot.ReadAt >= _timeToLive) StartRefresh();
        return snapshot.Records;
    }

    public void Save(BreakerRecord record)
    {
        _inner.Save(record);
        lock (_writeGate)
            _snapshot = _snapshot with { Records = new Dictionary<BreakerKey, BreakerRecord>(_snapshot.Records) { [record.Key] = record } };
    }

    public IReadOnlyList<BreakerKey> ResetDataStarved(DateTimeOffset now)
    {
        var reset = _inner.ResetDataStarved(now);
        lock (_writeGate) _snapshot = _snapshot with { ReadAt = DateTimeOffset.MinValue }; // stale: the next read refreshes
        return reset;
    }

    private void StartRefresh()
    {
        if (Interlocked.CompareExchange(ref _refreshing, 1, 0) != 0) return;
        Volatile.Write(ref _refresh, Task.Run(Refresh));
    }

    private void Refresh()
    {
        try
        {
            var read = _inner.ReadAll();
            lock (_writeGate)
            {
                // A write of ours may have landed while the read ran: a record never goes back in time.
                var merged = new Dictionary<BreakerKey, BreakerRecord>(read);
                foreach (var (key, local) in _snapshot.Records)
                    if (!merged.TryGetValue(key, out var stored) || stored.UpdatedAt < local.UpdatedAt) merged[key] = local;
                _snapshot = new Snapshot(merged, _clock.GetUtcNow());
            }
            LastRefreshError = null;
        }
        catch (Exception e)
        {
            // Keep the snapshot we have and try again after another TTL; breakers keep working on local state.
            LastRefreshError = e;
            lock (_writeGate) _snapshot = _snapshot with { ReadAt = _clock.GetUtcNow() };
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }
}
