using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>Reads of <c>nba_predictions.player_prop_predictions</c> for summaries, reports and checks.</summary>
public sealed class PredictionTable(Warehouse warehouse)
{
    public long Count(DateOnly? date = null)
    {
        using var connection = warehouse.Connect();
        return date is { } d
            ? Sql.Scalar<long>(connection, "SELECT count(*) FROM nba_predictions.player_prop_predictions WHERE game_date = $1", d)
            : Sql.Scalar<long>(connection, "SELECT count(*) FROM nba_predictions.player_prop_predictions");
    }

    public IReadOnlyList<PredictionRow> ReadDate(DateOnly date)
    {
        using var connection = warehouse.Connect();
        using var cmd = Sql.Command(connection, """
            SELECT prediction_id, system_id, player_lookup, game_date, game_id, predicted_points, confidence_score,
                   recommendation, current_points_line, line_margin, similarity_baseline, similar_games_count,
                   avg_similarity_score, ensemble_systems, model_version, feature_version, request_id, created_at, is_active,
                   prop_type, probability_over, over_price, under_price, market_probability_over, expected_value, recommendation_rule
            FROM nba_predictions.player_prop_predictions WHERE game_date = $1
            ORDER BY player_lookup, prop_type, system_id, current_points_line
            """, date);
        using var r = cmd.ExecuteReader();
        var rows = new List<PredictionRow>();
        while (r.Read())
        {
            rows.Add(new PredictionRow
            {
                PredictionId = r.GetString(0), SystemId = r.GetString(1), PlayerLookup = r.GetString(2),
                GameDate = r.GetFieldValue<DateOnly>(3), GameId = r.GetString(4), PredictedPoints = r.GetDouble(5),
                ConfidenceScore = r.GetDouble(6), Recommendation = Enum.Parse<Recommendation>(r.GetString(7), ignoreCase: true),
                LineValue = r.GetDouble(8), LineMargin = r.GetDouble(9),
                SimilarityBaseline = r.IsDBNull(10) ? null : r.GetDouble(10),
                SimilarGamesCount = r.IsDBNull(11) ? null : r.GetInt32(11),
                AvgSimilarityScore = r.IsDBNull(12) ? null : r.GetDouble(12),
                EnsembleSystems = r.IsDBNull(13) ? null : r.GetString(13),
                ModelVersion = r.IsDBNull(14) ? null : r.GetString(14),
                FeatureVersion = r.GetString(15), RequestId = r.GetString(16),
                CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(17), DateTimeKind.Utc)),
                IsActive = r.GetBoolean(18),
                PropType = PropTypes.TryParse(r.GetString(19), out var prop) ? prop : PropType.Points,
                ProbabilityOver = r.IsDBNull(20) ? null : r.GetDouble(20),
                OverPrice = r.IsDBNull(21) ? null : r.GetDouble(21),
                UnderPrice = r.IsDBNull(22) ? null : r.GetDouble(22),
                MarketProbabilityOver = r.IsDBNull(23) ? null : r.GetDouble(23),
                ExpectedValue = r.IsDBNull(24) ? null : r.GetDouble(24),
                RecommendationRule = r.IsDBNull(25) ? RecommendationRules.EdgeAndProbability : r.GetString(25),
            });
        }
        return rows;
    }
}
