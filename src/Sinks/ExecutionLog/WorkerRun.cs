using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Sinks.ExecutionLog;

/// <summary>A row of <c>nba_predictions.prediction_worker_runs</c>: what happened to one request.</summary>
public sealed record WorkerRun
{
    public required string RequestId { get; init; }
    public string? PlayerLookup { get; init; }
    public DateOnly? GameDate { get; init; }
    /// <summary>The prop the request was about; null for a request too broken to say (a dead letter).</summary>
    public PropType? Prop { get; init; }
    public IReadOnlyList<double> LineValues { get; init; } = [];
    public string? FeatureVersion { get; init; }

    /// <summary>The version of the trained models the request's prop was predicted with (xgboost_v1's model_version).</summary>
    public string? ModelVersion { get; init; }
    public IReadOnlyList<string> SystemsAttempted { get; init; } = [];
    public IReadOnlyList<string> SystemsSucceeded { get; init; } = [];
    public IReadOnlyList<string> SystemsFailed { get; init; } = [];
    public IReadOnlyList<string> SystemsSkipped { get; init; } = [];
    public double? FeatureQualityScore { get; init; }
    public IReadOnlyList<string>? MissingFeatures { get; init; }
    public bool CircuitBreakerTriggered => CircuitsOpened.Count > 0;
    public IReadOnlyList<string> CircuitsOpened { get; init; } = [];

    /// <summary>Why the request ended early without work (already_processed, ...), or null.</summary>
    public string? SkipReason { get; init; }
    public double DataLoadSeconds { get; init; }
    public double PredictionComputeSeconds { get; init; }
    public double WriteSeconds { get; init; }
    public double PublishSeconds { get; init; }
    public bool Success => SystemsSucceeded.Count > 0;
    public string? ErrorMessage { get; init; }
    public required DateTimeOffset ProcessedAt { get; init; }

    /// <summary>The player as the request named him, when that differs from <see cref="PlayerLookup"/> or the name did not resolve.</summary>
    public string? RequestedPlayerLookup { get; init; }
}
