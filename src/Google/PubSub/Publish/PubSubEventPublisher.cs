using Google.Cloud.PubSub.V1;
using Google.Protobuf;
using Grpc.Core;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Google.PubSub.Publish;

/// <summary>
/// The publish seam on a Pub/Sub topic: each completion event is one message whose data is the event as JSON
/// (with the request's stable <c>request_id</c>, so a consumer can deduplicate redeliveries) and whose attributes
/// (player_lookup, game_date, prop_type, outcome) let subscriptions filter.
/// </summary>
public sealed class PubSubEventPublisher : IEventPublisher
{
    private readonly TopicPublisher _topic;

    public PubSubEventPublisher(ChannelBase channel, string topic, PubSubPublishOptions options, IPubSubObserver? observer = null) =>
        _topic = new TopicPublisher(channel, topic, options, observer ?? NullPubSubObserver.Instance);

    public string Topic => _topic.Topic;

    public Task PublishAsync(IReadOnlyList<CompletionEvent> events, CancellationToken cancellationToken) =>
        events.Count == 0 ? Task.CompletedTask : _topic.PublishAsync(events.Select(Message).ToArray(), cancellationToken);

    private static PubsubMessage Message(CompletionEvent completion) => new()
    {
        Data = ByteString.CopyFrom(CompletionEventJson.SerializeToUtf8Bytes(completion)),
        Attributes =
        {
            ["request_id"] = completion.RequestId,
            ["player_lookup"] = completion.PlayerLookup,
            ["game_date"] = completion.GameDate.ToString("yyyy-MM-dd"),
            ["prop_type"] = completion.PropType.Code(),
            ["outcome"] = completion.SystemsSucceeded.Count > 0 ? "succeeded" : "failed",
        },
    };
}
