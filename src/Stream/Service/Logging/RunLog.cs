using Microsoft.Extensions.Logging;

namespace StreamProcessor.Stream.Service.Logging;

/// <summary>The lines <c>stream run</c> writes about its own life: start, readiness, drain, stop.</summary>
internal static partial class RunLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "listening on {url}: /metrics, /healthz, /readyz")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "reading the spool {spool_directory} (acknowledgements in {ack_log})")]
    public static partial void SpoolOpened(ILogger logger, string spool_directory, string ack_log);

    [LoggerMessage(Level = LogLevel.Information, Message = "reading the Pub/Sub subscription {subscription} (at most {max_outstanding_messages} messages outstanding, ack deadline {ack_deadline_seconds} s)")]
    public static partial void SubscriptionOpening(ILogger logger, string subscription, int max_outstanding_messages, int ack_deadline_seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the Pub/Sub subscription {subscription} cannot be read yet ({error}); the streaming pull keeps trying")]
    public static partial void SubscriptionUnreachable(ILogger logger, string subscription, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the warehouse cannot be opened yet, trying again in {retry_seconds} s: {error}")]
    public static partial void WarehouseUnavailable(ILogger logger, double retry_seconds, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "warehouse open at {warehouse}")]
    public static partial void WarehouseOpened(ILogger logger, string warehouse);

    [LoggerMessage(Level = LogLevel.Information, Message = "model {model_version} loaded")]
    public static partial void ModelLoaded(ILogger logger, string model_version);

    [LoggerMessage(Level = LogLevel.Information, Message = "ready: predicting requests as they arrive")]
    public static partial void Ready(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "stopping: no new requests are read; in-flight ones have {drain_seconds} s to be written")]
    public static partial void Draining(ILogger logger, int drain_seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the drain deadline ({drain_seconds} s) passed: requests still in flight were abandoned unacknowledged and are delivered again on restart")]
    public static partial void DrainDeadlinePassed(ILogger logger, int drain_seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "in-flight work did not stop within {grace_seconds} s of the drain deadline; exiting anyway (nothing unwritten was acknowledged)")]
    public static partial void AbandonedWithoutStopping(ILogger logger, double grace_seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "stopped: {requests} requests read, {requests_completed} written, {dead_lettered} dead-lettered, {acknowledged} acknowledged, {predictions_written} predictions")]
    public static partial void Stopped(ILogger logger, long requests, long requests_completed, long dead_lettered, long acknowledged, long predictions_written);

    [LoggerMessage(Level = LogLevel.Information, Message = "stopped before the service was ready; nothing was read")]
    public static partial void StoppedBeforeReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "the pipeline failed: {error}; unacknowledged requests are delivered again on restart")]
    public static partial void PipelineFailed(ILogger logger, string error, Exception exception);
}
