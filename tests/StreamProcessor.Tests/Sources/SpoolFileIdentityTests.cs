using System.Text;
using StreamProcessor.Stream.Sources;

namespace StreamProcessor.Tests.Sources;

public class SpoolFileIdentityTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static async Task<(string Id, string Text)> Next(IAsyncEnumerator<SourceMessage> messages)
    {
        Assert.True(await messages.MoveNextAsync().AsTask().WaitAsync(Patience));
        return (messages.Current.MessageId, Encoding.UTF8.GetString(messages.Current.Data.Span));
    }

    private static async Task WaitForScansAsync(SpoolRequestSource source, int more)
    {
        var target = source.Scans + more;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (source.Scans < target)
        {
            Assert.True(waited.Elapsed < Patience, "the reader stopped polling");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task A_reused_file_name_has_its_new_lines_delivered_under_new_ids_while_running_and_across_a_restart()
    {
        using var temp = new TempDirectory();
        var spool = Directory.CreateDirectory(temp.File("spool")).FullName;
        var a = Path.Combine(spool, "a.jsonl");
        await File.WriteAllTextAsync(a, "old-1\nold-2\n");

        using (var source = SpoolRequestSource.Open(spool, temp.File("acks.log"), Poll))
        {
            using var stop = new CancellationTokenSource(Patience);
            await using var messages = source.ReadAsync(stop.Token).GetAsyncEnumerator(stop.Token);
            Assert.Equal([("a.jsonl:1", "old-1"), ("a.jsonl:2", "old-2")], [await Next(messages), await Next(messages)]);
            await source.AcknowledgeAsync(["a.jsonl:1", "a.jsonl:2"], CancellationToken.None);

            // Deleted and created again under the same name, with other requests: new messages, not lines 1-2 again.
            File.Delete(a);
            await File.WriteAllTextAsync(a, "new-1\nnew-2\nnew-3\n");
            Assert.Equal([("a.jsonl~2:1", "new-1"), ("a.jsonl~2:2", "new-2"), ("a.jsonl~2:3", "new-3")],
                [await Next(messages), await Next(messages), await Next(messages)]);
            await source.AcknowledgeAsync(["a.jsonl~2:1", "a.jsonl~2:2", "a.jsonl~2:3"], CancellationToken.None);
        }

        // Replaced while the service was down: recognised by its first line.
        File.Delete(a);
        await File.WriteAllTextAsync(a, "third-1\n");
        using (var source = SpoolRequestSource.Open(spool, temp.File("acks.log"), Poll))
        {
            using var stop = new CancellationTokenSource(Patience);
            await using var messages = source.ReadAsync(stop.Token).GetAsyncEnumerator(stop.Token);
            Assert.Equal(("a.jsonl~3:1", "third-1"), await Next(messages));
            await source.AcknowledgeAsync(["a.jsonl~3:1"], CancellationToken.None);
        }

        // The same file after a restart is the same file: nothing is delivered again, appended lines are.
        await File.AppendAllTextAsync(a, "third-2\n");
        using (var source = SpoolRequestSource.Open(spool, temp.File("acks.log"), Poll))
        {
            using var stop = new CancellationTokenSource(Patience);
            await using var messages = source.ReadAsync(stop.Token).GetAsyncEnumerator(stop.Token);
            Assert.Equal(("a.jsonl~3:2", "third-2"), await Next(messages));
        }
    }

    [Fact]
    public async Task A_name_seen_gone_and_back_within_a_run_is_a_new_file_even_with_the_same_first_line()
    {
        using var temp = new TempDirectory();
        var spool = Directory.CreateDirectory(temp.File("spool")).FullName;
        var a = Path.Combine(spool, "a.jsonl");
        await File.WriteAllTextAsync(a, "same\n");
        using var source = SpoolRequestSource.Open(spool, temp.File("acks.log"), Poll);
        using var stop = new CancellationTokenSource(Patience);
        await using var messages = source.ReadAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.Equal(("a.jsonl:1", "same"), await Next(messages));
        await source.AcknowledgeAsync(["a.jsonl:1"], CancellationToken.None);
        var pending = messages.MoveNextAsync().AsTask(); // the reader polls while the file is gone
        File.Delete(a);
        await WaitForScansAsync(source, 2); // a whole listing without the file
        await File.WriteAllTextAsync(a, "same\nmore\n");

        Assert.True(await pending.WaitAsync(Patience));
        Assert.Equal(("a.jsonl~2:1", "same"), (messages.Current.MessageId, Encoding.UTF8.GetString(messages.Current.Data.Span)));
        Assert.Equal(("a.jsonl~2:2", "more"), await Next(messages));
    }

    [Fact]
    public async Task Polling_opens_a_file_only_when_it_changed()
    {
        using var temp = new TempDirectory();
        var spool = Directory.CreateDirectory(temp.File("spool")).FullName;
        for (var i = 0; i < 20; i++) await File.WriteAllTextAsync(Path.Combine(spool, $"f{i:00}.jsonl"), $"line-{i}\n");
        using var source = SpoolRequestSource.Open(spool, temp.File("acks.log"), Poll);
        using var stop = new CancellationTokenSource(Patience);
        await using var messages = source.ReadAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        for (var i = 0; i < 20; i++) await Next(messages);
        var afterFirstScan = source.FileOpens;
        Assert.Equal(20, afterFirstScan);

        var pending = messages.MoveNextAsync().AsTask(); // keeps the reader polling
        await WaitForScansAsync(source, 10); // ten polls of 20 unchanged files
        Assert.Equal(afterFirstScan, source.FileOpens);

        await File.AppendAllTextAsync(Path.Combine(spool, "f07.jsonl"), "appended\n");
        Assert.True(await pending.WaitAsync(Patience));
        Assert.Equal(("f07.jsonl:2", "appended"), (messages.Current.MessageId, Encoding.UTF8.GetString(messages.Current.Data.Span)));
        Assert.Equal(afterFirstScan + 1, source.FileOpens);
    }
}
