using System.Collections.Concurrent;
using StreamProcessor.Sinks.Breakers;

namespace StreamProcessor.Tests.Resilience;

/// <summary>The breaker table as a dictionary, counting reads; <see cref="BeforeRead"/> can make a read slow or fail.</summary>
public sealed class InMemoryBreakerStore : IBreakerStateStore
{
    private int _reads;

    public ConcurrentDictionary<BreakerKey, BreakerRecord> Rows { get; } = new();
    public int Reads => Volatile.Read(ref _reads);
    public Action? BeforeRead { get; set; }

    public IReadOnlyDictionary<BreakerKey, BreakerRecord> ReadAll()
    {
        Interlocked.Increment(ref _reads);
        BeforeRead?.Invoke();
        return new Dictionary<BreakerKey, BreakerRecord>(Rows);
    }

    public void Save(BreakerRecord record) => Rows[record.Key] = record;

    public IReadOnlyList<BreakerKey> ResetDataStarved(DateTimeOffset now) => [];
}
