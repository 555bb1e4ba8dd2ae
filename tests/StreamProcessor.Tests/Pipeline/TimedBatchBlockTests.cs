using System.Threading.Tasks.Dataflow;
using StreamProcessor.Stream.Pipeline.Blocks;

namespace StreamProcessor.Tests.Pipeline;

public class TimedBatchBlockTests
{
    private static readonly TimeSpan Flush = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task A_partial_batch_is_flushed_after_the_delay_without_waiting_for_a_full_one()
    {
        var block = TimedBatchBlock.Create<int>(100, Flush, 512, CancellationToken.None);
        foreach (var i in new[] { 1, 2, 3 }) await block.SendAsync(i);

        var batch = await block.ReceiveAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([1, 2, 3], batch);
    }

    [Fact]
    public async Task A_partial_batch_is_held_while_batches_wait_for_the_next_block_then_flushed_when_they_are_taken()
    {
        var waiting = 1;
        var block = TimedBatchBlock.Create<int>(100, Flush, 512, CancellationToken.None, () => Volatile.Read(ref waiting));
        foreach (var i in new[] { 1, 2, 3 }) await block.SendAsync(i);

        // Fifteen flush periods with a batch queued downstream: the partial one keeps filling instead of queueing behind it.
        await Task.Delay(Flush * 15);
        foreach (var i in new[] { 4, 5 }) await block.SendAsync(i);
        Assert.False(block.TryReceive(out _));

        Volatile.Write(ref waiting, 0);
        var batch = await block.ReceiveAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([1, 2, 3, 4, 5], batch);
    }

    [Fact]
    public async Task Full_batches_go_at_once_and_completion_flushes_the_rest_in_order()
    {
        var block = TimedBatchBlock.Create<int>(4, TimeSpan.FromHours(1), 512, CancellationToken.None);
        foreach (var i in Enumerable.Range(1, 10)) await block.SendAsync(i);
        block.Complete();

        var batches = new List<int[]>();
        while (await block.OutputAvailableAsync()) batches.Add(await block.ReceiveAsync());
        await block.Completion;

        Assert.Equal([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]], batches);
    }
}
