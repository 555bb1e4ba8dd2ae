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
/// errors; with a <see cref="ICompletedBatchSink"/>, their completion events and execution-log rows in that same
/// write. A batch that still fails is passed on marked as failed, so that none of it is acknowledged: its
/// requests are redelivered later and, the write being an upsert, written exactly once then.
/// </summary>
internal static class WriteBlock
{
    public static TransformBlock<RequestPredictions[], WrittenBatch> Create(
        IPredictionSink sink, ICompletedBatchSink? completedSink, TimeProvider clock, ResiliencePipeline retry, IPipelineObserver observer,
        ExecutionDataflowBlockOptions options) =>
        new(async batch =>
        {
            var rows = batch.SelectMany(r => r.Rows).ToArray();
            var failures = batch.SelectMany(r => r.SystemFailures).ToArray();
            var started = Stopwatch.GetTimestamp();
            var write = new PredictionBatch(rows, failures);
            if (completedSink is null && rows.Length == 0 && failures.Length == 0) return new WrittenBatch(batch, TimeSpan.Zero, null);
            // Built once, outside the retries: a retry writes the very same batch again.
            var completed = completedSink is null
                ? null
                : new CompletedBatch(write, BatchCompletion.Events(batch, clock.GetUtcNow()), BatchCompletion.Runs(batch, TimeSpan.Zero, TimeSpan.Zero));
            try
            {
                await retry.ExecuteAsync("write", observer,
                    ct => completed is null ? sink.WriteAsync(write, ct) : completedSink!.WriteAsync(completed, ct), options.CancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new WrittenBatch(batch, Stopwatch.GetElapsedTime(started), e);
            }
            var elapsed = Stopwatch.GetElapsedTime(started);
            observer.BatchWritten(batch.Length, rows.Length, elapsed);
            return new WrittenBatch(batch, elapsed, null, Completed: completed is not null);
        }, options);
}
