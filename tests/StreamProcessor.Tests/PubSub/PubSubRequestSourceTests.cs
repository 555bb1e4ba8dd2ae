using Grpc.Net.Client;
using StreamProcessor.Google.PubSub.Connection;
using StreamProcessor.Google.PubSub.Source;

namespace StreamProcessor.Tests.PubSub;

/// <summary>The Pub/Sub source on its own against the emulator: what a stop hands back, and to whom.</summary>
public class PubSubRequestSourceTests
{
    [Fact]
    public async Task Stopping_hands_back_what_was_received_so_another_consumer_gets_it_at_once()
    {
        var emulator = await PubSubEmulator.SharedAsync();
        var topic = await emulator.Rest.CreateTopicAsync(PubSubEmulator.NewProject(), "requests");
        var subscription = await emulator.Rest.CreateSubscriptionAsync(topic, "worker", ackDeadlineSeconds: 600);
        var ids = await emulator.Rest.PublishAsync(topic, Enumerable.Range(1, 30).Select(i => $"{{\"n\": {i}}}"));
        using var channel = PubSubChannel.Create(emulator.Host);
        var source = new PubSubRequestSource(channel, subscription, new PubSubSourceOptions { Subscription = subscription, MaxOutstandingMessages = 10, AckDeadlineSeconds = 600 });
        var read = new List<string>();
        using (var stop = new CancellationTokenSource())
        {
            await foreach (var message in source.ReadAsync(stop.Token))
            {
                read.Add(message.MessageId);
                if (read.Count == 5) stop.Cancel();
            }
        }
        Assert.Equal(5, read.Count);
        await source.DisposeAsync(); // the 5 in flight

        var again = new List<PubSubRest.Received>();
        for (var i = 0; i < 50 && again.Count < ids.Count; i++)
        {
            var pulled = await emulator.Rest.PullAsync(subscription);
            again.AddRange(pulled);
            if (pulled.Count == 0) await Task.Delay(100);
        }
        Assert.Equal(ids.Order(), again.Select(m => m.MessageId).Distinct().Order());
    }
}
