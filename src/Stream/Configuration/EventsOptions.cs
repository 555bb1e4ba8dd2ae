namespace StreamProcessor.Stream.Configuration;

/// <summary>Where completion ("prediction-ready") events go in embedded mode.</summary>
public sealed record EventsOptions
{
    /// <summary><c>warehouse</c> (table nba_predictions.prediction_events) or <c>jsonl</c> (a file of JSON lines).</summary>
    public string Sink { get; init; } = "warehouse";

    /// <summary>With <c>sink: jsonl</c>: the file, relative to the data dir unless absolute.</summary>
    public string JsonlPath { get; init; } = "events/prediction-ready.jsonl";
}
