using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Stream.Resilience.CircuitBreaker;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Tests.Resilience;

public class CachedBreakerStateStoreTests
{
    private static readonly BreakerKey Xgboost = new("xgboost_v1", PropType.Points);

    [Fact]
    public async Task Reads_are_served_from_the_cache_until_the_ttl_passes_and_writes_go_through()
    {
        var clock = new ManualClock();
        var inner = new InMemoryBreakerStore();
        var store = new CachedBreakerStateStore(inner, TimeSpan.FromSeconds(30), clock);

        store.ReadAll();
        inner.Rows[Xgboost] = Record(BreakerRecord.Open, clock.Now); // another replica opens it
        clock.Now += TimeSpan.FromSeconds(29);
        Assert.Empty(store.ReadAll());                                    // still the cached view
        Assert.Equal(1, inner.Reads);

        clock.Now += TimeSpan.FromSeconds(1);
        store.ReadAll();                                                  // TTL over: a re-read starts (in the background)
        await store.Refreshing;
        Assert.Equal(BreakerRecord.Open, store.ReadAll()[Xgboost].State);
        Assert.Equal(2, inner.Reads);

        store.Save(Record(BreakerRecord.Closed, clock.Now));              // our own write updates the cache at once
        Assert.Equal(BreakerRecord.Closed, store.ReadAll()[Xgboost].State);
        Assert.Equal(BreakerRecord.Closed, inner.Rows[Xgboost].State);
        Assert.Equal(2, inner.Reads);
    }

    [Fact]
    public async Task A_read_after_the_ttl_never_waits_for_the_database_the_refresh_runs_beside_it()
    {
        var clock = new ManualClock();
        var inner = new InMemoryBreakerStore();
        var store = new CachedBreakerStateStore(inner, TimeSpan.FromSeconds(30), clock);
        inner.Rows[Xgboost] = Record(BreakerRecord.Open, clock.Now);
        clock.Now += TimeSpan.FromSeconds(31);
        using var slowRead = new ManualResetEventSlim(false);
        inner.BeforeRead = () => slowRead.Wait(TimeSpan.FromMinutes(1)); // the database hangs until released

        // Every system call reads the store: each of these must return the snapshot it has, at once.
        var reads = Task.Run(() => Enumerable.Range(0, 100).Select(_ => store.ReadAll()).ToArray());
        var finished = await Task.WhenAny(reads, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.Same(reads, finished);
        Assert.All(await reads, snapshot => Assert.Empty(snapshot));
        Assert.False(store.Refreshing.IsCompleted);                       // one refresh, still waiting on the database
        slowRead.Set();
        await store.Refreshing;
        Assert.Equal(BreakerRecord.Open, store.ReadAll()[Xgboost].State);
        Assert.Equal(2, inner.Reads);                                     // the start-up read and one refresh, not 100
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_last_snapshot_and_tries_again_after_another_ttl()
    {
        var clock = new ManualClock();
        var inner = new InMemoryBreakerStore();
        var store = new CachedBreakerStateStore(inner, TimeSpan.FromSeconds(30), clock);
        store.Save(Record(BreakerRecord.Open, clock.Now));
        inner.BeforeRead = () => throw new IOException("warehouse unavailable");
        clock.Now += TimeSpan.FromSeconds(31);

        store.ReadAll();
        await store.Refreshing;

        Assert.IsType<IOException>(store.LastRefreshError);
        Assert.Equal(BreakerRecord.Open, store.ReadAll()[Xgboost].State);
        inner.BeforeRead = null;
        store.ReadAll();
        await store.Refreshing;
        Assert.Equal(2, inner.Reads);                                     // no retry storm: the next try waits a TTL
        clock.Now += TimeSpan.FromSeconds(31);
        store.ReadAll();
        await store.Refreshing;
        Assert.Null(store.LastRefreshError);
        Assert.Equal(3, inner.Reads);
    }

    private static BreakerRecord Record(string state, DateTimeOffset at) => new()
    {
        SystemId = "xgboost_v1", Prop = PropType.Points, State = state, FailureCount = 5, Threshold = 5, TimeoutSeconds = 1800, UpdatedAt = at,
    };
}
