namespace StreamProcessor.Systems.Features;

/// <summary>
/// The tunable numbers of <see cref="FeatureBuilder"/>. The defaults are the definitions in
/// <see cref="FeatureCatalog"/>; changing one changes what the columns mean, so a caller that
/// does so for real output must also change <see cref="FeatureCatalog.Version"/>.
/// </summary>
public sealed record FeatureBuilderOptions
{
    public static FeatureBuilderOptions Default { get; } = new();

    /// <summary>pts_ewma weighs the k-th most recent game (k = 0 newest) by <c>EwmaDecay^k</c>. Default 0.9.</summary>
    public double EwmaDecay { get; init; } = 0.9;

    /// <summary>days_rest never exceeds this many days. Default 10.</summary>
    public int MaxDaysRest { get; init; } = 10;

    /// <summary>How many of a team's most recent games describe its defence and pace. Default 15.</summary>
    public int TeamWindowGames { get; init; } = 15;

    /// <summary>How many of the team's most recent games define its usual rotation (team context features). Default 10.</summary>
    public int RotationWindowGames { get; init; } = 10;

    /// <summary>A player of those games belongs to the rotation when he averaged at least this many minutes in the games he played. Default 12.</summary>
    public double RotationMinMinutes { get; init; } = 12;

    internal void Validate()
    {
        if (RotationWindowGames < 1)
            throw new ArgumentOutOfRangeException(nameof(RotationWindowGames), RotationWindowGames, "must be at least 1");
        if (!(RotationMinMinutes >= 0))
            throw new ArgumentOutOfRangeException(nameof(RotationMinMinutes), RotationMinMinutes, "must be non-negative");
        if (!(EwmaDecay > 0 && EwmaDecay <= 1))
            throw new ArgumentOutOfRangeException(nameof(EwmaDecay), EwmaDecay, "must be in (0, 1]");
        if (MaxDaysRest < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxDaysRest), MaxDaysRest, "must be at least 1");
        if (TeamWindowGames < 1)
            throw new ArgumentOutOfRangeException(nameof(TeamWindowGames), TeamWindowGames, "must be at least 1");
    }
}
