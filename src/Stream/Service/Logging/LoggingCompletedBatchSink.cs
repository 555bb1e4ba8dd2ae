using Microsoft.Extensions.Logging;
using StreamProcessor.Sinks.Predictions;

namespace StreamProcessor.Stream.Service.Logging;

/// <summary>Logs each completed request once its batch, and so its event, is committed.</summary>
internal sealed class LoggingCompletedBatchSink(ICompletedBatchSink inner, ILogger logger) : ICompletedBatchSink
{
    public async Task WriteAsync(CompletedBatch batch, CancellationToken cancellationToken)
    {
        await inner.WriteAsync(batch, cancellationToken);
        CompletedRequestLog.Completed(logger, batch.Events);
    }
}
