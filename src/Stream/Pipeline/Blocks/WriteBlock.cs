using System.Diagnostics;
using System.Threading.Tasks.Dataflow;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Stream.Pipeline.Messages;
using StreamProcessor.Stream.Pipeline.Observability;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>batch-write: commits a batch of requests' rows and system failures in one sink write, then passes the batch on.</summary>
internal static class WriteBlock
{
    public static TransformBlock<RequestPredictions[], RequestPredictions[]> Create(IPredictionSink sink, IPipelineObserver observer, ExecutionDataflowBlockOptions options) =>
        new(async batch =>
        {
            var rows = batch.SelectMany(r => r.Rows).ToArray();
            var failures = batch.SelectMany(r => r.SystemFailures).ToArray();
            var started = Stopwatch.GetTimestamp();
            await sink.WriteAsync(new PredictionBatch(rows, failures), options.CancellationToken);
            observer.BatchWritten(batch.Length, rows.Length, Stopwatch.GetElapsedTime(started));
            return batch;
        }, options);
}
