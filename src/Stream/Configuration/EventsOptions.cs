using StreamProcessor.Google.PubSub.Publish;

namespace StreamProcessor.Stream.Configuration;

/// <summary>Where completion ("prediction-ready") events go in embedded mode.</summary>
public sealed record EventsOptions
{
    /// <summary><c>warehouse</c> (table nba_predictions.prediction_events), <c>jsonl</c> (a file of JSON lines) or <c>pubsub</c> (<see cref="PubSub"/>'s topic, stream run only).</summary>
    public string Sink { get; init; } = "warehouse";

    /// <summary>With <c>sink: jsonl</c>: the file, relative to the data dir unless absolute.</summary>
    public string JsonlPath { get; init; } = "events/prediction-ready.jsonl";

    /// <summary>With <c>sink: pubsub</c>: the prediction-ready topic and how to publish; its dead-letter topic works with any sink.</summary>
    public PubSubPublishOptions PubSub { get; init; } = new();
}
