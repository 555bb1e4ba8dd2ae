using StreamProcessor.Systems.Features;

namespace StreamProcessor.Systems.Prediction.Systems;

/// <summary>
/// How much a player's scoring varies and how much evidence there is about it; shared so every
/// system turns the same features into the same consistency, sample and expected-error numbers.
/// </summary>
public static class ScoringVariability
{
    /// <summary>For normally distributed outcomes the mean absolute deviation is sqrt(2/π) ≈ 0.798 standard deviations.</summary>
    public static readonly double MeanAbsoluteDeviationPerStd = Math.Sqrt(2 / Math.PI);

    /// <summary>Game-to-game spread of NBA scoring is typically 30-40 % of the player's mean; used when his own spread is unknown.</summary>
    public const double FallbackRelativeError = 0.3;

    /// <summary>No prediction of a basketball score is better than about a point, even for a player who has always scored 0.</summary>
    public const double MinExpectedError = 1.0;

    /// <summary>Games after which a season average is treated as fully established.</summary>
    public const double FullSampleGames = 20;

    /// <summary>Typical absolute error in points: sqrt(2/π)·<paramref name="std"/>, or 30 % of the prediction when the spread is unknown; at least 1 point.</summary>
    public static double ExpectedError(double std, double predicted, double minExpectedError = MinExpectedError) =>
        Math.Max(minExpectedError, double.IsNaN(std)
            ? FallbackRelativeError * Math.Abs(predicted)
            : MeanAbsoluteDeviationPerStd * std);

    /// <summary>
    /// 1 for a player who scores the same every night, 0 when his spread reaches his mean
    /// (1 − std / max(mean, 1), clamped to 0-1); 0.5 when either is unknown.
    /// </summary>
    public static double Consistency(double std, double mean) =>
        double.IsNaN(std) || double.IsNaN(mean) ? 0.5 : Math.Clamp(1 - std / Math.Max(mean, 1), 0, 1);

    /// <summary>games_played / 20, clamped to 0-1; 0 when unknown.</summary>
    public static double Sample(PlayerFeatures features) =>
        features.Has(Feature.GamesPlayed) ? Math.Clamp(features[Feature.GamesPlayed] / FullSampleGames, 0, 1) : 0;
}
