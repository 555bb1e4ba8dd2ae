using System.Threading.Tasks.Dataflow;
using StreamProcessor.Stream.Pipeline;
using StreamProcessor.Stream.Pipeline.Blocks;

namespace StreamProcessor.Tests.Pipeline;

public class WriteBatchBlockTests
{
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);

    [Fact]
    public async Task A_batch_leaves_as_soon_as_the_last_request_on_its_way_arrives_without_waiting_for_the_clock()
    {
        var onTheirWay = new RequestsOnTheirWay();
        var block = WriteBatchBlock.Create<int>(100, Never, 512, onTheirWay, () => 0, CancellationToken.None);
        onTheirWay.LetThrough(3);
        await block.SendAsync(1);
        await block.SendAsync(2);
        await NothingYet(block); // one is still on its way

        await block.SendAsync(3);

        var batch = await block.ReceiveAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([1, 2, 3], batch);
    }

    [Fact]
    public async Task While_the_write_block_has_a_batch_waiting_the_batch_keeps_filling_then_the_clock_sends_it()
    {
        var onTheirWay = new RequestsOnTheirWay();
        var waiting = 1;
        var block = WriteBatchBlock.Create<int>(100, TimeSpan.FromMilliseconds(20), 512, onTheirWay, () => Volatile.Read(ref waiting), CancellationToken.None);
        onTheirWay.LetThrough(2);
        await block.SendAsync(1);
        await block.SendAsync(2);
        await Task.Delay(TimeSpan.FromMilliseconds(300)); // fifteen ticks with a batch waiting downstream
        onTheirWay.LetThrough(1);
        await block.SendAsync(3);
        await NothingYet(block);

        Volatile.Write(ref waiting, 0);

        var batch = await block.ReceiveAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([1, 2, 3], batch);
    }

    [Fact]
    public async Task Under_a_load_that_never_drains_the_clock_sends_what_has_waited()
    {
        var onTheirWay = new RequestsOnTheirWay();
        var block = WriteBatchBlock.Create<int>(100, TimeSpan.FromMilliseconds(20), 512, onTheirWay, () => 0, CancellationToken.None);
        onTheirWay.LetThrough(10); // more keep coming
        foreach (var i in Enumerable.Range(1, 3)) await block.SendAsync(i);

        var batch = await block.ReceiveAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([1, 2, 3], batch);
    }

    [Fact]
    public async Task Full_batches_go_at_once_and_completion_sends_the_rest_in_order()
    {
        var onTheirWay = new RequestsOnTheirWay();
        var block = WriteBatchBlock.Create<int>(4, Never, 512, onTheirWay, () => 0, CancellationToken.None);
        onTheirWay.LetThrough(20);
        foreach (var i in Enumerable.Range(1, 10)) await block.SendAsync(i);
        block.Complete();

        var batches = new List<int[]>();
        while (await block.OutputAvailableAsync()) batches.Add(await block.ReceiveAsync());
        await block.Completion;

        Assert.Equal([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]], batches);
    }

    private static async Task NothingYet(IPropagatorBlock<int, int[]> block) =>
        await Assert.ThrowsAsync<TimeoutException>(() => block.ReceiveAsync(TimeSpan.FromMilliseconds(100)));
}
