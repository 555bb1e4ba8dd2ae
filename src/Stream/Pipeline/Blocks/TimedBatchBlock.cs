using System.Diagnostics;
using System.Threading.Tasks.Dataflow;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>
/// A BatchBlock that also flushes a partial batch after a delay, so a trickle of live requests is not held back
/// waiting for a full batch; but not while batches already wait for the next block: the partial one could not start
/// before them anyway, so it keeps filling instead of queueing behind them as a small batch (flushing on the clock
/// regardless cut a busy replay of the season into about 280 requests a write, not 512, and a write costs per batch,
/// not per row). Given a way to tell that nothing more is coming for now (the source is waiting for new requests and
/// none is left before this block), a partial batch leaves as soon as that holds, without waiting for the clock: a
/// burst of live requests is read at once instead of after up to a flush delay. On completion the last partial batch
/// is flushed as usual.
/// </summary>
internal static class TimedBatchBlock
{
    // How often a block told when nothing more is coming looks: short beside a warehouse read, long beside a timer's cost.
    private static readonly TimeSpan IdleCheck = TimeSpan.FromMilliseconds(2);

    /// <param name="backlog">Batches waiting for the next block (its input queue); none given, the clock alone decides.</param>
    /// <param name="nothingMoreComing">True while no request is on its way to this block and the source has none ready.</param>
    public static BatchBlock<T> Create<T>(int batchSize, TimeSpan flushAfter, int boundedCapacity, CancellationToken cancellationToken,
        Func<int>? backlog = null, Func<bool>? nothingMoreComing = null)
    {
        var batch = new BatchBlock<T>(batchSize, new GroupingDataflowBlockOptions
        {
            BoundedCapacity = Math.Max(boundedCapacity, batchSize),
            CancellationToken = cancellationToken,
        });
        var period = nothingMoreComing is null || IdleCheck >= flushAfter ? flushAfter : IdleCheck;
        var lastTick = Stopwatch.GetTimestamp();
        var timer = new Timer(_ =>
        {
            var due = period == flushAfter || Stopwatch.GetElapsedTime(lastTick) >= flushAfter;
            if (due) lastTick = Stopwatch.GetTimestamp();
            // Batches still in this block's output were not taken yet (the next block is full and postponed them):
            // another small one behind them would only make more, smaller reads or writes.
            if (batch.OutputCount > 0 || (backlog is not null && backlog() > 0)) return;
            if (due || nothingMoreComing!()) batch.TriggerBatch();
        }, null, period, period);
        batch.Completion.ContinueWith(_ => timer.Dispose(), TaskScheduler.Default);
        return batch;
    }
}
