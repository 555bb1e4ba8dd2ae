using System.Threading.Tasks.Dataflow;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>
/// A BatchBlock that also flushes a partial batch after a delay, so a trickle of live requests is not held back
/// waiting for a full batch; but not while batches already wait for the next block: the partial one could not start
/// before them anyway, so it keeps filling instead of queueing behind them as a small batch (flushing on the clock
/// regardless cut a busy replay of the season into about 280 requests a write, not 512, and a write costs per batch,
/// not per row). On completion the last partial batch is flushed as usual.
/// </summary>
internal static class TimedBatchBlock
{
    /// <param name="backlog">Batches waiting for the next block (its input queue); none given, the clock alone decides.</param>
    public static BatchBlock<T> Create<T>(int batchSize, TimeSpan flushAfter, int boundedCapacity, CancellationToken cancellationToken, Func<int>? backlog = null)
    {
        var batch = new BatchBlock<T>(batchSize, new GroupingDataflowBlockOptions
        {
            BoundedCapacity = Math.Max(boundedCapacity, batchSize),
            CancellationToken = cancellationToken,
        });
        var timer = new Timer(_ =>
        {
            // Batches still in this block's output were not taken yet (the next block is full and postponed them):
            // another small one behind them would only make more, smaller reads or writes.
            if (batch.OutputCount == 0 && (backlog is null || backlog() == 0)) batch.TriggerBatch();
        }, null, flushAfter, flushAfter);
        batch.Completion.ContinueWith(_ => timer.Dispose(), TaskScheduler.Default);
        return batch;
    }
}
