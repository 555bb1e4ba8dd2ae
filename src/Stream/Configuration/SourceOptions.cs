using StreamProcessor.Google.PubSub.Source;

namespace StreamProcessor.Stream.Configuration;

/// <summary>Where <c>stream run</c> reads requests: the spool (embedded default) or a Pub/Sub subscription.</summary>
public sealed record SourceOptions
{
    public const string Spool = "spool", PubSubKind = "pubsub";

    /// <summary><c>spool</c> (the <c>spool:</c> section) or <c>pubsub</c> (the <c>pubsub:</c> keys below).</summary>
    public string Kind { get; init; } = Spool;

    public PubSubSourceOptions PubSub { get; init; } = new();
}
