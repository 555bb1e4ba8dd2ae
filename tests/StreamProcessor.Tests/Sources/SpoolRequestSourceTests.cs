using System.Text;
using System.Threading.Channels;
using StreamProcessor.Stream.Sources;

namespace StreamProcessor.Tests.Sources;

public class SpoolRequestSourceTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Reads a source in the background, so a test can wait for the next message with a timeout.</summary>
    private sealed class Reader : IAsyncDisposable
    {
        private readonly Channel<SourceMessage> _messages = Channel.CreateUnbounded<SourceMessage>();
        private readonly CancellationTokenSource _stop = new();
        public Task Reading { get; }

        public Reader(SpoolRequestSource source) => Reading = Task.Run(async () =>
        {
            await foreach (var message in source.ReadAsync(_stop.Token)) await _messages.Writer.WriteAsync(message);
        });

        public async Task<(string Id, string Text)> NextAsync()
        {
            using var timeout = new CancellationTokenSource(Patience);
            var message = await _messages.Reader.ReadAsync(timeout.Token);
            return (message.MessageId, Encoding.UTF8.GetString(message.Data.Span));
        }

        public async Task<List<(string Id, string Text)>> NextAsync(int count)
        {
            var list = new List<(string, string)>();
            for (var i = 0; i < count; i++) list.Add(await NextAsync());
            return list;
        }

        public bool HasMore => _messages.Reader.TryPeek(out _);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await Reading.WaitAsync(Patience);
        }
    }

    [Fact]
    public async Task Files_are_read_in_name_order_with_file_and_line_ids_skipping_blank_lines()
    {
        using var temp = new TempDirectory();
        var spool = temp.File("spool");
        Directory.CreateDirectory(spool);
        await File.WriteAllTextAsync(Path.Combine(spool, "b.jsonl"), "b1\n\n  \nb4\r\n");
        await File.WriteAllTextAsync(Path.Combine(spool, "a.jsonl"), "\uFEFFa1\na2\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await File.WriteAllTextAsync(Path.Combine(spool, "c.txt"), "not a spool file\n");

        using var source = SpoolRequestSource.Open(spool, temp.File("acks.log"), Poll);
        await using var reader = new Reader(source);

        Assert.Equal([("a.jsonl:1", "a1"), ("a.jsonl:2", "a2"), ("b.jsonl:1", "b1"), ("b.jsonl:4", "b4")], await reader.NextAsync(4));
    }

    [Fact]
    public async Task Appended_lines_and_new_files_are_picked_up_and_a_line_is_delivered_only_once_its_newline_is_written()
    {
        using var temp = new TempDirectory();
        var spool = temp.File("spool");
        using var source = SpoolRequestSource.Open(spool, temp.File("acks.log"), Poll);
        await using var reader = new Reader(source);
        var a = Path.Combine(spool, "a.jsonl");

        await File.WriteAllTextAsync(a, "one\n");
        Assert.Equal(("a.jsonl:1", "one"), await reader.NextAsync());

        await File.AppendAllTextAsync(a, "tw");                              // a writer mid-line
        await File.WriteAllTextAsync(Path.Combine(spool, "b.jsonl"), "b\n"); // read after a's tail was looked at
        Assert.Equal(("b.jsonl:1", "b"), await reader.NextAsync());
        Assert.False(reader.HasMore);

        await File.AppendAllTextAsync(a, "o\nthree\n");
        Assert.Equal([("a.jsonl:2", "two"), ("a.jsonl:3", "three")], await reader.NextAsync(2));
    }

    [Fact]
    public async Task Acknowledged_lines_are_never_delivered_again_and_unacknowledged_ones_are_after_a_restart()
    {
        using var temp = new TempDirectory();
        var spool = temp.File("spool");
        Directory.CreateDirectory(spool);
        await File.WriteAllTextAsync(Path.Combine(spool, "a.jsonl"), "1\n2\n3\n4\n");

        using (var first = SpoolRequestSource.Open(spool, temp.File("acks.log"), Poll))
        {
            await using var reader = new Reader(first);
            Assert.Equal(4, (await reader.NextAsync(4)).Count);
            await first.AcknowledgeAsync(["a.jsonl:1", "a.jsonl:3"], CancellationToken.None);
        }

        using var second = SpoolRequestSource.Open(spool, temp.File("acks.log"), Poll);
        await using var again = new Reader(second);
        Assert.Equal([("a.jsonl:2", "2"), ("a.jsonl:4", "4")], await again.NextAsync(2));
    }

    [Fact]
    public async Task Reading_stops_promptly_when_asked_even_while_waiting_for_new_lines()
    {
        using var temp = new TempDirectory();
        using var source = SpoolRequestSource.Open(temp.File("spool"), temp.File("acks.log"), TimeSpan.FromMinutes(10));
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in source.ReadAsync(stop.Token)) { }
        });

        await stop.CancelAsync();

        await reading.WaitAsync(Patience); // ends without waiting out the 10-minute poll, and without throwing
    }
}
