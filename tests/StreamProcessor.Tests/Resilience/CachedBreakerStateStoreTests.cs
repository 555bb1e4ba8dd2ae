using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Stream.Resilience.CircuitBreaker;

namespace StreamProcessor.Tests.Resilience;

public class CachedBreakerStateStoreTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.Parse("2025-02-12T18:00:00Z");
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class CountingStore : IBreakerStateStore
    {
        public int Reads;
        public Dictionary<string, BreakerRecord> Rows { get; } = new();
        public IReadOnlyDictionary<string, BreakerRecord> ReadAll() { Reads++; return new Dictionary<string, BreakerRecord>(Rows); }
        public void Save(BreakerRecord record) => Rows[record.SystemId] = record;
        public IReadOnlyList<string> ResetDataStarved(DateTimeOffset now) => [];
    }

    private static BreakerRecord Record(string state, DateTimeOffset at) => new()
    {
        SystemId = "xgboost_v1", State = state, FailureCount = 5, Threshold = 5, TimeoutSeconds = 1800, UpdatedAt = at,
    };

    [Fact]
    public void Reads_are_served_from_the_cache_until_the_ttl_passes_and_writes_go_through()
    {
        var clock = new ManualClock();
        var inner = new CountingStore();
        var store = new CachedBreakerStateStore(inner, TimeSpan.FromSeconds(30), clock);

        store.ReadAll();
        inner.Rows["xgboost_v1"] = Record(BreakerRecord.Open, clock.Now); // another replica opens it
        clock.Now += TimeSpan.FromSeconds(29);
        Assert.Empty(store.ReadAll());                                    // still the cached view
        Assert.Equal(1, inner.Reads);

        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal(BreakerRecord.Open, store.ReadAll()["xgboost_v1"].State); // TTL over: re-read
        Assert.Equal(2, inner.Reads);

        store.Save(Record(BreakerRecord.Closed, clock.Now));              // our own write updates the cache at once
        Assert.Equal(BreakerRecord.Closed, store.ReadAll()["xgboost_v1"].State);
        Assert.Equal(BreakerRecord.Closed, inner.Rows["xgboost_v1"].State);
        Assert.Equal(2, inner.Reads);
    }
}
