using System.Text;
using StreamProcessor.Stream.Sources;

namespace StreamProcessor.Tests.Sources;

public class SpoolRedeliveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void The_backoff_doubles_with_each_delivery_up_to_its_maximum()
    {
        var backoff = new RedeliveryBackoff(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));

        Assert.Equal([10, 20, 40, 60, 60], Enumerable.Range(1, 5).Select(a => backoff.After(a).TotalSeconds));
    }

    [Fact]
    public async Task A_nacked_line_is_delivered_again_within_the_run_after_its_backoff_and_an_acknowledged_one_never()
    {
        using var temp = new TempDirectory();
        var spool = Directory.CreateDirectory(temp.File("spool")).FullName;
        await File.WriteAllTextAsync(Path.Combine(spool, "a.jsonl"), "one\ntwo\nthree\n");
        using var source = SpoolRequestSource.Open(spool, temp.File("acks.log"), TimeSpan.FromMilliseconds(20),
            redelivery: new RedeliveryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)));
        using var stop = new CancellationTokenSource(Patience);
        await using var messages = source.ReadAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        var first = new List<SourceMessage>();
        for (var i = 0; i < 3; i++) first.Add(await Next(messages));
        Assert.Equal(["a.jsonl:1", "a.jsonl:2", "a.jsonl:3"], first.Select(m => m.MessageId));
        Assert.All(first, m => Assert.Equal(1, m.DeliveryAttempt));

        await source.AcknowledgeAsync(["a.jsonl:1"], CancellationToken.None);
        await source.NackAsync(["a.jsonl:2", "a.jsonl:3"], CancellationToken.None);
        Assert.Equal(2, source.AwaitingRedelivery);

        var again = new[] { await Next(messages), await Next(messages) };
        Assert.Equal(["a.jsonl:2", "a.jsonl:3"], again.Select(m => m.MessageId).Order());
        Assert.All(again, m => Assert.Equal(2, m.DeliveryAttempt));
        Assert.Equal("two", Encoding.UTF8.GetString(again.Single(m => m.MessageId == "a.jsonl:2").Data.Span));
        Assert.Equal(0, source.AwaitingRedelivery);

        // Nacked a second time: delivered a third time, still only the unacknowledged line.
        await source.AcknowledgeAsync(["a.jsonl:2"], CancellationToken.None);
        await source.NackAsync(["a.jsonl:3"], CancellationToken.None);
        var third = await Next(messages);
        Assert.Equal(("a.jsonl:3", 3), (third.MessageId, third.DeliveryAttempt));
    }

    [Fact]
    public async Task A_line_acknowledged_while_it_waits_for_redelivery_is_not_delivered_again()
    {
        using var temp = new TempDirectory();
        var spool = Directory.CreateDirectory(temp.File("spool")).FullName;
        await File.WriteAllTextAsync(Path.Combine(spool, "a.jsonl"), "one\n");
        using var source = SpoolRequestSource.Open(spool, temp.File("acks.log"), TimeSpan.FromMilliseconds(20),
            redelivery: new RedeliveryBackoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)));
        using var stop = new CancellationTokenSource(Patience);
        await using var messages = source.ReadAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.Equal("a.jsonl:1", (await Next(messages)).MessageId);
        await source.NackAsync(["a.jsonl:1"], CancellationToken.None);
        await source.AcknowledgeAsync(["a.jsonl:1"], CancellationToken.None); // another replica's delivery wrote it, say
        await File.AppendAllTextAsync(Path.Combine(spool, "a.jsonl"), "two\n");
        await Task.Delay(400); // past the backoff

        Assert.Equal("a.jsonl:2", (await Next(messages)).MessageId);
    }

    private static async Task<SourceMessage> Next(IAsyncEnumerator<SourceMessage> messages)
    {
        Assert.True(await messages.MoveNextAsync().AsTask().WaitAsync(Patience));
        return messages.Current;
    }
}
