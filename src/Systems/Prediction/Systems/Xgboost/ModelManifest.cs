namespace StreamProcessor.Systems.Prediction.Systems.Xgboost;

/// <summary>What a saved model file says about itself, stored next to the ML.NET model.</summary>
internal sealed record ModelManifest
{
    // 2: the trees predict points minus the ModelBaseline (format 1 predicted points outright).
    public const int CurrentFormat = 2;

    public required int Format { get; init; }
    public required string System { get; init; }
    public required DateOnly TrainedUntil { get; init; }
    public required string FeatureVersion { get; init; }
    public required int ExampleCount { get; init; }
    public required double TrainingMae { get; init; }

    /// <summary>The feature columns in vector order, so a model can never be read against a different layout.</summary>
    public required IReadOnlyList<string> FeatureColumns { get; init; }
}
