using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.PubSub;

/// <summary>`stream run`'s Pub/Sub options are checked before anything starts: a bad one exits 2 and says what is wrong.</summary>
public class PubSubCommandLineTests
{
    [Theory]
    [InlineData(new[] { "--source", "kafka" }, "--source must be spool or pubsub")]
    [InlineData(new[] { "--source", "pubsub" }, "source.pubsub.subscription is required")]
    [InlineData(new[] { "--subscription", "projects/p/subscriptions/s" }, "--subscription needs --source pubsub")]
    [InlineData(new[] { "--source", "pubsub", "--subscription", "projects/p/topics/t" }, "expected projects/PROJECT/subscriptions/NAME")]
    public async Task A_bad_Pub_Sub_option_exits_2_with_the_reason(string[] options, string expected)
    {
        using var temp = new TempDirectory();
        var run = await EndToEnd.Cli.RunAsync(["run", "--data-dir", temp.Path, "--port", "0", .. options]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
    }
}
