namespace StreamProcessor.Systems.Prediction.Systems.Similarity;

/// <summary>Settings of <see cref="SimilaritySystem"/>. The four weights are renormalised to sum to 1.</summary>
public sealed record SimilarityOptions
{
    /// <summary>Weight of matching the opponent tier (elite / average / weak). Default 0.35.</summary>
    public double OpponentTierWeight { get; init; } = 0.35;

    /// <summary>Weight of matching the player's recent form (hot / normal / cold). Default 0.25.</summary>
    public double RecentFormWeight { get; init; } = 0.25;

    /// <summary>Weight of matching the rest bucket (0-1 / 2 / 3+ days). Default 0.2.</summary>
    public double RestWeight { get; init; } = 0.2;

    /// <summary>Weight of matching home / away. Default 0.2.</summary>
    public double HomeWeight { get; init; } = 0.2;

    /// <summary>Credit for a category one step away (average vs elite, 2 days vs 3+). Default 0.5.</summary>
    public double AdjacentCredit { get; init; } = 0.5;

    /// <summary>Similarity (0-1) a game needs to count as similar. Default 0.5.</summary>
    public double MinSimilarity { get; init; } = 0.5;

    /// <summary>Fewer similar games than this is a failure (insufficient history). Default 5.</summary>
    public int MinSimilarGames { get; init; } = 5;

    internal void Validate()
    {
        double[] weights = [OpponentTierWeight, RecentFormWeight, RestWeight, HomeWeight];
        if (weights.Any(w => !(w >= 0)) || weights.Sum() <= 0)
            throw new ArgumentOutOfRangeException(nameof(SimilarityOptions), "weights must be non-negative and not all zero");
        if (!(AdjacentCredit >= 0 && AdjacentCredit <= 1))
            throw new ArgumentOutOfRangeException(nameof(AdjacentCredit), AdjacentCredit, "must lie in 0-1");
        if (!(MinSimilarity >= 0 && MinSimilarity <= 1))
            throw new ArgumentOutOfRangeException(nameof(MinSimilarity), MinSimilarity, "must lie in 0-1");
        if (MinSimilarGames < 1)
            throw new ArgumentOutOfRangeException(nameof(MinSimilarGames), MinSimilarGames, "must be at least 1");
    }
}
