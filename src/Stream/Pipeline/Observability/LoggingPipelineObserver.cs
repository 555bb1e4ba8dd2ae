using Microsoft.Extensions.Logging;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Pipeline.Observability;

/// <summary>
/// Logs the pipeline's rare, operator-worthy events: a breaker changing state, a transient failure being
/// retried, an operation failing after its retries, a batch handed back to its source, the source failing. Per-request lines come from the sinks' logging decorators, which know the request.
/// </summary>
public sealed partial class LoggingPipelineObserver(ILogger logger) : IPipelineObserver
{
    public void Retrying(string operation, int attempt, Exception error) => LogRetry(operation, attempt, error.Message);

    public void RequestsHandedBack(int requests, string stage, Exception error) => LogHandedBack(requests, stage, error.Message);

    public void OperationFailed(string operation, Exception error) => LogOperationFailed(operation, error.Message);

    public void SourceFailed(Exception error) => LogSourceFailed(error.Message);

    public void BreakerStateChanged(string systemId, PropType prop, BreakerState state)
    {
        if (state == BreakerState.Closed) LogBreakerClosed(systemId, prop.Code());
        else LogBreakerNotClosed(systemId, prop.Code(), state == BreakerState.Open ? "open" : "half_open");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "retrying {operation} (attempt {attempt}) after a transient failure: {error}")]
    private partial void LogRetry(string operation, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{requests} requests handed back to the source unacknowledged after the {stage} failed: {error}; they will be delivered again, the service keeps running")]
    private partial void LogHandedBack(int requests, string stage, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{operation} still failed after its retries: {error}")]
    private partial void LogOperationFailed(string operation, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "the request source failed: {error}; reading stops, and what was read is drained")]
    private partial void LogSourceFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "circuit breaker of {system_id} for {prop_type} is {breaker_state}")]
    private partial void LogBreakerNotClosed(string system_id, string prop_type, string breaker_state);

    [LoggerMessage(Level = LogLevel.Information, Message = "circuit breaker of {system_id} for {prop_type} is closed again")]
    private partial void LogBreakerClosed(string system_id, string prop_type);
}
