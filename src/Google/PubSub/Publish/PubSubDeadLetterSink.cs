using System.Text.Json;
using Google.Cloud.PubSub.V1;
using Google.Protobuf;
using Grpc.Core;
using StreamProcessor.Sinks.DeadLetters;

namespace StreamProcessor.Google.PubSub.Publish;

/// <summary>
/// Dead letters recorded where they always are (the inner sink) and then published to a dead-letter topic,
/// one message per dead letter with its reason as an attribute. Both happen before the message is acknowledged.
/// </summary>
public sealed class PubSubDeadLetterSink : IDeadLetterSink
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly IDeadLetterSink _inner;
    private readonly TopicPublisher _topic;

    public PubSubDeadLetterSink(IDeadLetterSink inner, ChannelBase channel, string topic, PubSubPublishOptions options, IPubSubObserver? observer = null)
    {
        _inner = inner;
        _topic = new TopicPublisher(channel, topic, options, observer ?? NullPubSubObserver.Instance);
    }

    public async Task WriteAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        await _inner.WriteAsync(deadLetters, cancellationToken);
        await _topic.PublishAsync(deadLetters.Select(Message).ToArray(), cancellationToken);
    }

    private static PubsubMessage Message(DeadLetter deadLetter) => new()
    {
        Data = ByteString.CopyFrom(JsonSerializer.SerializeToUtf8Bytes(new
        {
            deadLetter.DeadLetterId,
            deadLetter.RequestId,
            deadLetter.SystemId,
            deadLetter.ReasonCode,
            deadLetter.Message,
            deadLetter.PlayerLookup,
            deadLetter.GameDate,
            deadLetter.RawPayload,
            deadLetter.CreatedAt,
        }, Json)),
        Attributes = { ["request_id"] = deadLetter.RequestId, ["reason"] = deadLetter.ReasonCode },
    };
}
