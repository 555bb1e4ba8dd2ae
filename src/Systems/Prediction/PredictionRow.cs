using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Prediction;

/// <summary>
/// A row of <c>nba_predictions.player_prop_predictions</c>: one system's prediction against one line.
/// Its key is (player_lookup, game_date, prop_type, system_id, line_value); <see cref="PredictionId"/> is derived from it.
/// </summary>
public sealed record PredictionRow
{
    public required string PredictionId { get; init; }
    public required string SystemId { get; init; }
    public required string PlayerLookup { get; init; }
    public required DateOnly GameDate { get; init; }
    public required string GameId { get; init; }
    public PropType PropType { get; init; } = PropType.Points;

    /// <summary>The predicted value of the prop (points unless <see cref="PropType"/> says otherwise).</summary>
    public required double PredictedPoints { get; init; }

    /// <summary>P(the stat ends above the line), 0-1; null for rows written before probabilities existed.</summary>
    public double? ProbabilityOver { get; init; }

    /// <summary>0-100: 100 × max(P(over), 1 − P(over)).</summary>
    public required double ConfidenceScore { get; init; }
    public required Recommendation Recommendation { get; init; }
    public required double LineValue { get; init; }
    public required double LineMargin { get; init; }
    public double? SimilarityBaseline { get; init; }
    public int? SimilarGamesCount { get; init; }
    public double? AvgSimilarityScore { get; init; }
    public string? EnsembleSystems { get; init; }
    public string? ModelVersion { get; init; }
    public required string FeatureVersion { get; init; }
    public required string RequestId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public bool IsActive { get; init; } = true;

    /// <summary>The books' prices for this line (American odds), when the request carried them.</summary>
    public double? OverPrice { get; init; }
    public double? UnderPrice { get; init; }

    /// <summary>The market's de-vigged P(over) at those prices.</summary>
    public double? MarketProbabilityOver { get; init; }

    /// <summary>Expected return of a stake of 1 on the side picked (on the better side for a PASS), at the book's price.</summary>
    public double? ExpectedValue { get; init; }

    /// <summary>Which rule made the recommendation: <c>expected_value</c> (prices given) or <c>edge_and_probability</c> (none).</summary>
    public string RecommendationRule { get; init; } = RecommendationRules.EdgeAndProbability;
}
