using StreamProcessor.Sinks.Events;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Google.BigQuery.Tables;

/// <summary>A row of nba_predictions.prediction_events: one request's completion event (CDC by request_id).</summary>
public sealed record EventTableRow(
    string RequestId,
    string PlayerLookup,
    DateOnly GameDate,
    string GameId,
    IReadOnlyList<string> SystemsSucceeded,
    IReadOnlyList<string> SystemsFailed,
    long PredictionsWritten,
    DateTimeOffset PublishedAt,
    string? PropType,
    IReadOnlyList<double> LineValues,
    string? FeatureVersion,
    string? ModelVersion)
{
    public const string Dataset = "nba_predictions", Table = "prediction_events";

    public static EventTableRow From(CompletionEvent e) => new(
        e.RequestId, e.PlayerLookup, e.GameDate, e.GameId, e.SystemsSucceeded, e.SystemsFailed, e.PredictionsWritten,
        e.PublishedAt, e.PropType.Code(), e.LineValues, e.FeatureVersion, e.ModelVersion);
}
