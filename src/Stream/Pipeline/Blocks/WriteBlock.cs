using System.Diagnostics;
using System.Threading.Tasks.Dataflow;
using Polly;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Stream.Pipeline.Messages;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Resilience.Retry;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>
/// batch-write: commits a batch of requests' rows and system failures in one sink write, retrying transient
/// errors. A batch that still fails is passed on marked as failed, so that none of it is acknowledged: its
/// requests are redelivered later and, the write being an upsert, written exactly once then.
/// </summary>
internal static class WriteBlock
{
    public static TransformBlock<RequestPredictions[], WrittenBatch> Create(
        IPredictionSink sink, ResiliencePipeline retry, IPipelineObserver observer, ExecutionDataflowBlockOptions options) =>
        new(async batch =>
        {
            var rows = batch.SelectMany(r => r.Rows).ToArray();
            var failures = batch.SelectMany(r => r.SystemFailures).ToArray();
            var started = Stopwatch.GetTimestamp();
            if (rows.Length == 0 && failures.Length == 0) return new WrittenBatch(batch, TimeSpan.Zero, null);
            var write = new PredictionBatch(rows, failures);
            try
            {
                await retry.ExecuteAsync("write", observer, ct => sink.WriteAsync(write, ct), options.CancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new WrittenBatch(batch, Stopwatch.GetElapsedTime(started), e);
            }
            var elapsed = Stopwatch.GetElapsedTime(started);
            observer.BatchWritten(batch.Length, rows.Length, elapsed);
            return new WrittenBatch(batch, elapsed, null);
        }, options);
}
