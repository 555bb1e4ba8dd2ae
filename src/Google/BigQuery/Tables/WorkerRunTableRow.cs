using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Google.BigQuery.Tables;

/// <summary>A row of nba_predictions.prediction_worker_runs (CDC by request_id).</summary>
public sealed record WorkerRunTableRow(
    string RequestId,
    string? PlayerLookup,
    DateOnly? GameDate,
    IReadOnlyList<double> LineValues,
    string? FeatureVersion,
    IReadOnlyList<string> SystemsAttempted,
    IReadOnlyList<string> SystemsSucceeded,
    IReadOnlyList<string> SystemsFailed,
    IReadOnlyList<string> SystemsSkipped,
    double? FeatureQualityScore,
    IReadOnlyList<string> MissingFeatures,
    bool CircuitBreakerTriggered,
    IReadOnlyList<string> CircuitsOpened,
    string? SkipReason,
    double DataLoadSeconds,
    double PredictionComputeSeconds,
    double WriteSeconds,
    double PublishSeconds,
    bool Success,
    string? ErrorMessage,
    DateTimeOffset ProcessedAt,
    string? PropType,
    string? ModelVersion,
    string? RequestedPlayerLookup)
{
    public const string Dataset = "nba_predictions", Table = "prediction_worker_runs";

    public static WorkerRunTableRow From(WorkerRun r) => new(
        r.RequestId, r.PlayerLookup, r.GameDate, r.LineValues, r.FeatureVersion, r.SystemsAttempted, r.SystemsSucceeded,
        r.SystemsFailed, r.SystemsSkipped, r.FeatureQualityScore, r.MissingFeatures ?? [], r.CircuitBreakerTriggered,
        r.CircuitsOpened, r.SkipReason, r.DataLoadSeconds, r.PredictionComputeSeconds, r.WriteSeconds, r.PublishSeconds,
        r.Success, r.ErrorMessage, r.ProcessedAt, r.Prop?.Code(), r.ModelVersion, r.RequestedPlayerLookup);
}
