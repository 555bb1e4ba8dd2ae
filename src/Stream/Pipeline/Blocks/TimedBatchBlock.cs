using System.Threading.Tasks.Dataflow;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>
/// A BatchBlock that also flushes a partial batch after a delay, so a trickle of live requests is
/// not held back waiting for a full batch. On completion the last partial batch is flushed as usual.
/// </summary>
internal static class TimedBatchBlock
{
    public static BatchBlock<T> Create<T>(int batchSize, TimeSpan flushAfter, int boundedCapacity, CancellationToken cancellationToken)
    {
        var batch = new BatchBlock<T>(batchSize, new GroupingDataflowBlockOptions
        {
            BoundedCapacity = Math.Max(boundedCapacity, batchSize),
            CancellationToken = cancellationToken,
        });
        var timer = new Timer(_ => batch.TriggerBatch(), null, flushAfter, flushAfter);
        batch.Completion.ContinueWith(_ => timer.Dispose(), TaskScheduler.Default);
        return batch;
    }
}
