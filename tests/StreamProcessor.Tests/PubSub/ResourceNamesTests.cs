using StreamProcessor.Google.PubSub.Connection;
using StreamProcessor.Google.PubSub.Source;

namespace StreamProcessor.Tests.PubSub;

public class ResourceNamesTests
{
    [Fact]
    public void A_short_name_is_qualified_with_GOOGLE_CLOUD_PROJECT_and_a_full_one_is_kept()
    {
        Assert.Equal("projects/p1/subscriptions/worker", ResourceNames.Subscription("worker", "p1"));
        Assert.Equal("projects/p2/topics/ready", ResourceNames.Topic("projects/p2/topics/ready", "p1"));
    }

    [Theory]
    [InlineData("worker", null, "GOOGLE_CLOUD_PROJECT is not set")]
    [InlineData("projects/p/topics/t", "p", "expected projects/PROJECT/subscriptions/NAME")]
    [InlineData("a/b", "p", "or a bare name")]
    public void A_name_that_cannot_be_a_subscription_says_why(string name, string? project, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ResourceNames.Subscription(name, project));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Source_options_outside_Pub_Subs_ranges_are_named()
    {
        var problems = new PubSubSourceOptions { Subscription = "", MaxOutstandingMessages = 0, AckDeadlineSeconds = 5 }.Problems();
        Assert.Contains(problems, p => p.Contains("subscription is required"));
        Assert.Contains(problems, p => p.Contains("max_outstanding_messages"));
        Assert.Contains(problems, p => p.Contains("ack_deadline_seconds"));
        Assert.Empty(new PubSubSourceOptions { Subscription = "s" }.Problems());
    }
}
