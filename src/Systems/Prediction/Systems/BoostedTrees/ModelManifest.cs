namespace StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

/// <summary>What a saved model file says about itself, stored next to the ML.NET model.</summary>
internal sealed record ModelManifest
{
    // 2: the trees predict points minus the ModelBaseline (format 1 predicted points outright).
    // 3: one model per prop, clipped labels and a median offset (absolute-error fit).
    public const int CurrentFormat = 3;

    public string Prop { get; init; } = "points";

    /// <summary>Added to every tree prediction: the median training residual, so the model aims at the median (absolute error).</summary>
    public double MedianOffset { get; init; }

    /// <summary>First day of the training examples.</summary>
    public DateOnly TrainedFrom { get; init; }

    public required int Format { get; init; }
    public required string System { get; init; }
    public required DateOnly TrainedUntil { get; init; }
    public required string FeatureVersion { get; init; }
    public required int ExampleCount { get; init; }
    public required double TrainingMae { get; init; }

    /// <summary>The feature columns in vector order, so a model can never be read against a different layout.</summary>
    public required IReadOnlyList<string> FeatureColumns { get; init; }
}
