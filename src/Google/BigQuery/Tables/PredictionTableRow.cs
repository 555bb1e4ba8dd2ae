using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Google.BigQuery.Tables;

/// <summary>A row of nba_predictions.player_prop_predictions as the Storage Write API receives it (columns in DDL order).</summary>
public sealed record PredictionTableRow(
    string PredictionId,
    string SystemId,
    string PlayerLookup,
    DateOnly GameDate,
    string GameId,
    double PredictedPoints,
    double ConfidenceScore,
    string Recommendation,
    double CurrentPointsLine,
    double LineMargin,
    double? SimilarityBaseline,
    long? SimilarGamesCount,
    double? AvgSimilarityScore,
    string? EnsembleSystems,
    string? ModelVersion,
    string FeatureVersion,
    string RequestId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool IsActive,
    string PropType,
    double? ProbabilityOver,
    double? OverPrice,
    double? UnderPrice,
    double? MarketProbabilityOver,
    double? ExpectedValue,
    string? RecommendationRule)
{
    public const string Dataset = "nba_predictions", Table = "player_prop_predictions";

    public static PredictionTableRow From(PredictionRow p) => new(
        p.PredictionId, p.SystemId, p.PlayerLookup, p.GameDate, p.GameId, p.PredictedPoints, p.ConfidenceScore,
        p.Recommendation.Text(), p.LineValue, p.LineMargin, p.SimilarityBaseline, p.SimilarGamesCount, p.AvgSimilarityScore,
        p.EnsembleSystems, p.ModelVersion, p.FeatureVersion, p.RequestId, p.CreatedAt, p.CreatedAt, p.IsActive,
        p.PropType.Code(), p.ProbabilityOver, p.OverPrice, p.UnderPrice, p.MarketProbabilityOver, p.ExpectedValue, p.RecommendationRule);
}
