using StreamProcessor.Google.BigQuery.Read;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Google.BigQuery.Sinks;

/// <summary>A game date's predictions read back through the Storage Read API (one read session), as the embedded table reads them.</summary>
public sealed class BigQueryPredictionReader(StorageReader reader, TableReference table)
{
    public async Task<IReadOnlyList<PredictionRow>> ReadDateAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var rows = await reader.ReadRowsAsync(new ReadRequest(table, null, $"game_date = {RowRestriction.Date(date)}"), cancellationToken);
        return rows.Select(r => new PredictionRow
        {
            PredictionId = (string)r["prediction_id"]!,
            SystemId = (string)r["system_id"]!,
            PlayerLookup = (string)r["player_lookup"]!,
            GameDate = (DateOnly)r["game_date"]!,
            GameId = (string)r["game_id"]!,
            PropType = PropTypes.TryParse((string)r["prop_type"]!, out var prop) ? prop : PropType.Points,
            PredictedPoints = (double)r["predicted_points"]!,
            ProbabilityOver = (double?)r["probability_over"],
            ConfidenceScore = (double)r["confidence_score"]!,
            Recommendation = Enum.Parse<Recommendation>((string)r["recommendation"]!, ignoreCase: true),
            LineValue = (double)r["current_points_line"]!,
            LineMargin = (double)r["line_margin"]!,
            SimilarityBaseline = (double?)r["similarity_baseline"],
            SimilarGamesCount = r["similar_games_count"] is long n ? checked((int)n) : null,
            AvgSimilarityScore = (double?)r["avg_similarity_score"],
            EnsembleSystems = (string?)r["ensemble_systems"],
            ModelVersion = (string?)r["model_version"],
            FeatureVersion = (string)r["feature_version"]!,
            RequestId = (string)r["request_id"]!,
            CreatedAt = (DateTimeOffset)r["created_at"]!,
            IsActive = (bool)r["is_active"]!,
            OverPrice = (double?)r["over_price"],
            UnderPrice = (double?)r["under_price"],
            MarketProbabilityOver = (double?)r["market_probability_over"],
            ExpectedValue = (double?)r["expected_value"],
            RecommendationRule = (string?)r["recommendation_rule"] ?? RecommendationRules.EdgeAndProbability,
        })
        .OrderBy(p => p.PlayerLookup, StringComparer.Ordinal).ThenBy(p => p.PropType).ThenBy(p => p.LineValue).ThenBy(p => p.SystemId, StringComparer.Ordinal)
        .ToArray();
    }
}
