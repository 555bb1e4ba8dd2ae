using Google.Protobuf;
using Google.Protobuf.Collections;

namespace StreamProcessor.Google.PubSub.Source;

/// <summary>
/// A message received and not yet settled (acknowledged or nacked). The ack id is the latest delivery's handle:
/// a second delivery of a message still in flight replaces it, and is not handed to the pipeline again.
/// </summary>
internal sealed class Lease(string messageId, string ackId, ByteString data, MapField<string, string> attributes, int deliveryAttempt, DateTimeOffset receivedAt)
{
    public string MessageId { get; } = messageId;
    public string AckId { get; set; } = ackId;
    public ByteString Data { get; } = data;
    public MapField<string, string> Attributes { get; } = attributes;
    public int DeliveryAttempt { get; } = deliveryAttempt;
    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    /// <summary>When the lease is next extended (half an ack deadline after the last one).</summary>
    public DateTimeOffset ExtendAt { get; set; }

    /// <summary>Let in by flow control: counted as in flight (it may still sit in the channel to the pipeline).</summary>
    public bool Admitted { get; set; }

    /// <summary>Handed to the pipeline (false: still waiting in the source's buffer).</summary>
    public bool Delivered { get; set; }

    /// <summary>Past the maximum extension: left to expire, so Pub/Sub delivers the message again.</summary>
    public bool Expiring { get; set; }
}
