namespace StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

/// <summary>
/// Settings for <see cref="BoostedTreesModel.Train"/>. The defaults train on ~20k examples in a few seconds on two
/// cores: many shallow, slowly learning trees with large leaves, which suits a noisy target like points.
/// They were chosen on a validation slice before any backtest window (trained on the real 2024-25 games
/// before 2025-01-01, scored on January 2025): 24 leaves of 50 overfit (validation MAE 4.62); 8 leaves of
/// at least 400 examples at rate 0.03 scored 4.53.
/// </summary>
public sealed record BoostedTreesTrainingOptions
{
    /// <summary>Boosting rounds. Default 300.</summary>
    public int NumberOfTrees { get; init; } = 300;

    /// <summary>Leaves per tree. Default 8.</summary>
    public int NumberOfLeaves { get; init; } = 8;

    /// <summary>Fewest training examples a leaf may hold; guards against fitting single games. Default 400.</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 400;

    /// <summary>Shrinkage applied to each tree. Default 0.03.</summary>
    public double LearningRate { get; init; } = 0.03;

    /// <summary>Seed of the ML context and the trainer, so that the same examples always give the same model. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// Residual labels are clipped to their [q, 1 − q] quantiles before training. ML.NET's FastTree (and its LightGbm
    /// wrapper) only minimise squared error; clipping the rare 25-point outbursts keeps them from pulling whole leaves,
    /// the part of an absolute-error fit a squared-error trainer can do. Default 0.01.
    /// </summary>
    public double LabelClipQuantile { get; init; } = 0.01;

    /// <summary>Training threads; null lets ML.NET use every core. Default null.</summary>
    public int? NumberOfThreads { get; init; }

    internal void Validate()
    {
        if (NumberOfTrees < 1) throw new ArgumentOutOfRangeException(nameof(NumberOfTrees), NumberOfTrees, "must be at least 1");
        if (NumberOfLeaves < 2) throw new ArgumentOutOfRangeException(nameof(NumberOfLeaves), NumberOfLeaves, "must be at least 2");
        if (MinimumExampleCountPerLeaf < 1)
            throw new ArgumentOutOfRangeException(nameof(MinimumExampleCountPerLeaf), MinimumExampleCountPerLeaf, "must be at least 1");
        if (!(LearningRate > 0 && LearningRate <= 1))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "must lie in (0, 1]");
        if (!(LabelClipQuantile >= 0 && LabelClipQuantile < 0.5))
            throw new ArgumentOutOfRangeException(nameof(LabelClipQuantile), LabelClipQuantile, "must lie in [0, 0.5)");
        if (NumberOfThreads is < 1) throw new ArgumentOutOfRangeException(nameof(NumberOfThreads), NumberOfThreads, "must be at least 1");
    }
}
