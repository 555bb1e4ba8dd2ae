using System.Threading.Tasks.Dataflow;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>
/// predict fan-out: hands every message to every target, waiting for room in each. Unlike
/// BroadcastBlock it never drops a message when a bounded target is full. Completes (or faults)
/// its targets when it completes.
/// </summary>
internal static class FanOutBlock
{
    public static ActionBlock<T> Create<T>(IReadOnlyList<ITargetBlock<T>> targets, ExecutionDataflowBlockOptions options)
    {
        var fanOut = new ActionBlock<T>(async item =>
        {
            foreach (var target in targets)
            {
                if (!await target.SendAsync(item, options.CancellationToken))
                    throw new InvalidOperationException("a predict block stopped accepting requests");
            }
        }, new ExecutionDataflowBlockOptions
        {
            BoundedCapacity = options.BoundedCapacity,
            CancellationToken = options.CancellationToken,
            MaxDegreeOfParallelism = 1, // keeps every target's input in the same order
        });
        fanOut.Completion.ContinueWith(done =>
        {
            foreach (var target in targets)
            {
                if (done.IsFaulted) target.Fault(done.Exception!.GetBaseException());
                else target.Complete();
            }
        }, TaskScheduler.Default);
        return fanOut;
    }
}
