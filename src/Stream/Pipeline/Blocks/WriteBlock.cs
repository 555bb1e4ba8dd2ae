using System.Threading.Tasks.Dataflow;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Stream.Pipeline.Messages;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>batch-write: commits a batch of requests' rows and system failures in one sink write, then passes the batch on.</summary>
internal static class WriteBlock
{
    public static TransformBlock<RequestPredictions[], RequestPredictions[]> Create(IPredictionSink sink, ExecutionDataflowBlockOptions options) =>
        new(async batch =>
        {
            var rows = batch.SelectMany(r => r.Rows).ToArray();
            var failures = batch.SelectMany(r => r.SystemFailures).ToArray();
            await sink.WriteAsync(new PredictionBatch(rows, failures), options.CancellationToken);
            return batch;
        }, options);
}
