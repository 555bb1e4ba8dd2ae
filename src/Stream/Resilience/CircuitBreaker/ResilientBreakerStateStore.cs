using Polly;
using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Resilience.Retry;

namespace StreamProcessor.Stream.Resilience.CircuitBreaker;

/// <summary>
/// Retries the breaker-state store's transient failures with the writes' retry policy. Breaker state is shared
/// coordination, not a request's data, so when the store still fails nothing is handed back: a read answers the
/// last state it read (none at first), a save is dropped, and each is reported. Meanwhile every breaker keeps its
/// own state in memory, which is what decides; the next transition saved brings the table up to date again.
/// </summary>
public sealed class ResilientBreakerStateStore(IBreakerStateStore inner, ResiliencePipeline retry, IPipelineObserver observer) : IBreakerStateStore
{
    private static readonly IReadOnlyDictionary<BreakerKey, BreakerRecord> Nothing = new Dictionary<BreakerKey, BreakerRecord>();
    private volatile IReadOnlyDictionary<BreakerKey, BreakerRecord> _lastRead = Nothing;

    public IReadOnlyDictionary<BreakerKey, BreakerRecord> ReadAll()
    {
        try
        {
            return _lastRead = retry.Execute("breaker_state", observer, inner.ReadAll);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            observer.OperationFailed("breaker_state_read", e);
            return _lastRead;
        }
    }

    public void Save(BreakerRecord record)
    {
        try
        {
            retry.Execute("breaker_state", observer, () =>
            {
                inner.Save(record);
                return true;
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            observer.OperationFailed("breaker_state_write", e);
        }
    }

    public IReadOnlyList<BreakerKey> ResetDataStarved(DateTimeOffset now) =>
        retry.Execute("breaker_state", observer, () => inner.ResetDataStarved(now));
}
