using System.Text;
using StreamProcessor.Stream.Cli.Progress;

namespace StreamProcessor.Tests.Cli;

public class ProgressReporterTests
{
    /// <summary>A StringWriter safe to read while the reporter's timer writes to it.</summary>
    private sealed class SharedWriter : StringWriter
    {
        private readonly Lock _gate = new();
        public override void Write(char value) { lock (_gate) base.Write(value); }
        public override void Write(string? value) { lock (_gate) base.Write(value); }
        public override void WriteLine(string? value) { lock (_gate) base.WriteLine(value); }
        public string Text { get { lock (_gate) return ToString(); } }
    }

    private static async Task<string> WaitFor(SharedWriter writer, Func<string, bool> condition)
    {
        for (var i = 0; i < 600 && !condition(writer.Text); i++) await Task.Delay(50);
        return writer.Text;
    }

    [Fact]
    public async Task Off_a_terminal_it_prints_plain_lines_with_the_count_and_the_share_done()
    {
        var writer = new SharedWriter();
        using (var progress = new ProgressReporter("features build", 200, new ProgressUnit("rows"), writer, live: false, TimeSpan.FromMilliseconds(20)))
        {
            progress.Advance(50);
            var text = await WaitFor(writer, t => t.Contains("50 of 200 rows (25%)"));
            Assert.Contains("features build: 50 of 200 rows (25%), ", text);
        }
        Assert.DoesNotContain('\r', writer.Text);
        Assert.All(writer.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("features build: ", line));
    }

    [Fact]
    public void Off_a_terminal_work_that_ends_sooner_than_the_interval_prints_nothing()
    {
        var writer = new SharedWriter();
        using (var progress = new ProgressReporter("replay", 10, new ProgressUnit("requests"), writer, live: false))
            progress.Advance(10);
        Assert.Equal("", writer.Text);
    }

    [Fact]
    public async Task On_a_terminal_it_redraws_a_bar_in_place_and_clears_it_when_done()
    {
        var writer = new SharedWriter();
        using (var progress = new ProgressReporter("data load", 4L * 1024 * 1024, ProgressUnit.Bytes, writer, live: true, TimeSpan.FromMilliseconds(20)))
        {
            progress.Advance(1024 * 1024);
            var text = await WaitFor(writer, t => t.Contains("25%"));
            Assert.Matches(@"\rdata load \[#######-{21}\]  25% 1\.0 MB/4\.0 MB \d+\.\d s", text);
        }
        Assert.EndsWith("\r", writer.Text); // the last thing written wipes the bar
        Assert.DoesNotContain('\n', writer.Text);
    }

    [Fact]
    public async Task Without_a_total_it_shows_the_step_and_the_time_so_far()
    {
        var writer = new SharedWriter();
        using var progress = new ProgressReporter("model train", null, new ProgressUnit(""), writer, live: false, TimeSpan.FromMilliseconds(20));
        progress.Phase("model train: training xgboost_v1");
        var text = await WaitFor(writer, t => t.Contains("training xgboost_v1"));
        Assert.Matches(@"model train: training xgboost_v1: \d+\.\d s", text);
    }

    [Fact]
    public void A_progress_stream_reports_the_bytes_read()
    {
        var writer = new SharedWriter();
        using var progress = new ProgressReporter("read", 1000, ProgressUnit.Bytes, writer, live: false);
        using var stream = new ProgressStream(new MemoryStream(new byte[1000]), progress);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        reader.ReadToEnd();
        Assert.Equal(1000, progress.Done);
    }
}
