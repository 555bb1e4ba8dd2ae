namespace StreamProcessor.Systems.Prediction.Systems.MovingAverage;

/// <summary>Settings of <see cref="MovingAverageSystem"/>. Adjustments are fractions: -0.04 means 4 % fewer points.</summary>
public sealed record MovingAverageOptions
{
    /// <summary>Weight of the last-5 points average. Default 0.5.</summary>
    public double Last5Weight { get; init; } = 0.5;

    /// <summary>Weight of the last-10 points average. Default 0.3.</summary>
    public double Last10Weight { get; init; } = 0.3;

    /// <summary>Weight of the season points average. Default 0.2.</summary>
    public double SeasonWeight { get; init; } = 0.2;

    /// <summary>Applied when the previous game was yesterday. Default -0.04.</summary>
    public double BackToBackAdjustment { get; init; } = -0.04;

    /// <summary>Applied after at least <see cref="RestedMinDays"/> days of rest. Default +0.01.</summary>
    public double RestedAdjustment { get; init; } = 0.01;

    /// <summary>Days since the previous game that count as rested. Default 3.</summary>
    public int RestedMinDays { get; init; } = 3;

    /// <summary>Applied at home. Default +0.01.</summary>
    public double HomeAdjustment { get; init; } = 0.01;

    /// <summary>Applied away. Default -0.01.</summary>
    public double AwayAdjustment { get; init; } = -0.01;

    internal void Validate()
    {
        if (Last5Weight < 0 || Last10Weight < 0 || SeasonWeight < 0 || Last5Weight + Last10Weight + SeasonWeight <= 0)
            throw new ArgumentOutOfRangeException(nameof(MovingAverageOptions), "weights must be non-negative and not all zero");
        foreach (var adjustment in new[] { BackToBackAdjustment, RestedAdjustment, HomeAdjustment, AwayAdjustment })
            if (!(adjustment > -1 && adjustment < 1))
                throw new ArgumentOutOfRangeException(nameof(MovingAverageOptions), $"adjustments must lie strictly between -1 and 1, got {adjustment}");
    }
}
