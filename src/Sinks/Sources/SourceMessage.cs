namespace StreamProcessor.Sinks.Sources;

/// <summary>
/// One message as a transport delivers it: an id to acknowledge by (stable across redeliveries), and the raw bytes.
/// </summary>
public sealed record SourceMessage(string MessageId, ReadOnlyMemory<byte> Data)
{
    /// <summary>How many times the transport has delivered this message, this delivery included, when it counts them (Pub/Sub with a dead-letter policy).</summary>
    public int? DeliveryAttempt { get; init; }

    /// <summary>The transport's attributes of the message (Pub/Sub attributes); empty when it has none.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = EmptyAttributes;

    private static readonly IReadOnlyDictionary<string, string> EmptyAttributes = new Dictionary<string, string>();
}
