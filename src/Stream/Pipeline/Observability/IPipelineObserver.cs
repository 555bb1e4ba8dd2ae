using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Pipeline.Observability;

/// <summary>
/// What the pipeline reports as it works, for metrics and logs. Calls come from many threads and must
/// be cheap and never throw. Labels are bounded: system ids, reason codes and block names, never players.
/// </summary>
public interface IPipelineObserver
{
    /// <summary>A block's input queue, sampled when metrics are scraped.</summary>
    void RegisterQueue(string block, Func<int> depth, int boundedCapacity) { }

    void RequestReceived() { }

    void RequestDeadLettered(string reasonCode) { }

    /// <summary>A request's predictions are written, its event published and its message acknowledged.</summary>
    void RequestCompleted(TimeSpan endToEnd, int predictionsWritten, IReadOnlyList<string> systemsSucceeded) { }

    /// <summary>A request ended early without work (already_processed), and was acknowledged.</summary>
    void RequestSkipped(string reason) { }

    /// <summary>Requests whose output could not be written after retries: not acknowledged, they will be redelivered.</summary>
    void RequestsUnacknowledged(int requests, Exception error) { }

    /// <summary>
    /// Requests handed back to their source unwritten (<see cref="RequestsUnacknowledged"/> is reported too): its
    /// <paramref name="stage"/> (<c>read</c>, <c>write</c>, <c>publish</c>, <c>dead_letter</c>) failed after retries, and the
    /// source delivers them again (the spool after a backoff, Pub/Sub after its own).
    /// </summary>
    void RequestsHandedBack(int requests, string stage, Exception error) { }

    /// <summary>An operation (<c>feature_load</c>, <c>execution_log_read</c>, <c>breaker_state_read</c>, ...) still failed after its retries.</summary>
    void OperationFailed(string operation, Exception error) { }

    /// <summary>The source itself failed: ingestion ends, and what was read is drained.</summary>
    void SourceFailed(Exception error) { }

    void SystemFinished(string systemId, SystemOutcomeKind outcome, string? reasonCode, TimeSpan duration) { }

    void FeaturesLoaded(int requests, TimeSpan duration) { }

    void BatchWritten(int requests, int predictions, TimeSpan duration) { }

    void EventsPublished(int events, TimeSpan duration) { }

    /// <summary>A transient failure of <paramref name="operation"/> (write, publish, ...) is being retried.</summary>
    void Retrying(string operation, int attempt, Exception error) { }

    /// <summary>The breaker of <paramref name="systemId"/> for <paramref name="prop"/> changed state.</summary>
    void BreakerStateChanged(string systemId, PropType prop, BreakerState state) { }
}

public enum SystemOutcomeKind { Succeeded, Failed, Skipped }

/// <summary>Polly's circuit states, as exported: 0 closed, 1 half-open, 2 open.</summary>
public enum BreakerState { Closed = 0, HalfOpen = 1, Open = 2 }
