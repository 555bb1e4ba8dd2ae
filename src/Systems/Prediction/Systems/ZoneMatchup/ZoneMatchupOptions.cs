namespace StreamProcessor.Systems.Prediction.Systems.ZoneMatchup;

/// <summary>Settings of <see cref="ZoneMatchupSystem"/>.</summary>
public sealed record ZoneMatchupOptions
{
    /// <summary>
    /// How far each opponent factor is pulled toward 1 (neutral): the factor used is
    /// 1 + (1 − strength) × (rel − 1). 0 takes the opponent's numbers at face value, 1 ignores them.
    /// Default 0.5, because a 15-game defensive sample is noisy.
    /// </summary>
    public double ShrinkStrength { get; init; } = 0.5;

    /// <summary>Weight of the zone-adjusted season average in the final blend. Default 0.7.</summary>
    public double ZoneAdjustedSeasonWeight { get; init; } = 0.7;

    /// <summary>Weight of the (unadjusted) last-10 average, which carries current role and form. Default 0.3.</summary>
    public double RecentWeight { get; init; } = 0.3;

    internal void Validate()
    {
        if (!(ShrinkStrength >= 0 && ShrinkStrength <= 1))
            throw new ArgumentOutOfRangeException(nameof(ShrinkStrength), ShrinkStrength, "must lie in 0-1");
        if (!(ZoneAdjustedSeasonWeight > 0) || !(RecentWeight >= 0))
            throw new ArgumentOutOfRangeException(nameof(ZoneMatchupOptions), "the zone-adjusted weight must be positive and the recent weight non-negative");
    }
}
