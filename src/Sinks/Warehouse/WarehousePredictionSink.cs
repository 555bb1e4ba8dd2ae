using DuckDB.NET.Data;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>
/// Writes a batch as production's fix did: stage the rows, then upsert them on the key in one
/// transaction together with the batch's system-level dead letters. A redelivered request
/// overwrites its own rows (keeping their first created_at) and never adds new ones. A request at a new line (the book
/// moved it) makes its lines the active ones and leaves the earlier line's rows inactive.
/// </summary>
public sealed class WarehousePredictionSink(Warehouse warehouse) : IPredictionSink
{
    public Task WriteAsync(PredictionBatch batch, CancellationToken cancellationToken) =>
        warehouse.InTransactionAsync(connection => Write(connection, batch), cancellationToken);

    private static void Write(DuckDBConnection connection, PredictionBatch batch)
    {
        StagedUpsert.Merge(connection, "nba_predictions.player_prop_predictions", batch.Rows, (row, p) => row
            .AppendValue(p.PredictionId).AppendValue(p.SystemId).AppendValue(p.PlayerLookup)
            .AppendValue(p.GameDate).AppendValue(p.GameId).AppendValue(p.PredictedPoints)
            .AppendValue(p.ConfidenceScore).AppendValue(p.Recommendation.Text()).AppendValue(p.LineValue)
            .AppendValue(p.LineMargin).AppendValue(p.SimilarityBaseline).AppendValue(p.SimilarGamesCount)
            .AppendValue(p.AvgSimilarityScore).AppendValue(p.EnsembleSystems).AppendValue(p.ModelVersion)
            .AppendValue(p.FeatureVersion).AppendValue(p.RequestId)
            .AppendValue(p.CreatedAt.UtcDateTime).AppendValue(p.CreatedAt.UtcDateTime).AppendValue(p.IsActive)
            .AppendValue(p.PropType.Code()).AppendValue(p.ProbabilityOver)
            .AppendValue(p.OverPrice).AppendValue(p.UnderPrice).AppendValue(p.MarketProbabilityOver).AppendValue(p.ExpectedValue)
            .AppendValue(p.RecommendationRule),
            stage => $"""
                INSERT INTO nba_predictions.player_prop_predictions
                SELECT * FROM {stage}
                QUALIFY row_number() OVER (
                    PARTITION BY player_lookup, game_date, prop_type, system_id, current_points_line ORDER BY created_at DESC, rowid DESC) = 1
                ON CONFLICT (player_lookup, game_date, prop_type, system_id, current_points_line) DO UPDATE SET
                    prediction_id = excluded.prediction_id,
                    game_id = excluded.game_id,
                    predicted_points = excluded.predicted_points,
                    confidence_score = excluded.confidence_score,
                    probability_over = excluded.probability_over,
                    recommendation = excluded.recommendation,
                    line_margin = excluded.line_margin,
                    similarity_baseline = excluded.similarity_baseline,
                    similar_games_count = excluded.similar_games_count,
                    avg_similarity_score = excluded.avg_similarity_score,
                    ensemble_systems = excluded.ensemble_systems,
                    model_version = excluded.model_version,
                    feature_version = excluded.feature_version,
                    request_id = excluded.request_id,
                    updated_at = excluded.updated_at,
                    is_active = excluded.is_active,
                    over_price = excluded.over_price,
                    under_price = excluded.under_price,
                    market_probability_over = excluded.market_probability_over,
                    expected_value = excluded.expected_value,
                    recommendation_rule = excluded.recommendation_rule
                """);
        SupersedeMovedLines(connection, batch.Rows);
        WarehouseDeadLetterSink.Upsert(connection, batch.SystemFailures);
    }

    /// <summary>
    /// Line moves: for each player, date and prop in the batch, the lines of its newest request (the last one in the batch)
    /// are the active rows; rows at any other line stay for history with is_active = false.
    /// </summary>
    private static void SupersedeMovedLines(DuckDBConnection connection, IReadOnlyList<PredictionRow> rows)
    {
        var newest = rows.GroupBy(r => (r.PlayerLookup, r.GameDate, r.PropType))
            .SelectMany(g =>
            {
                var last = g.Last().RequestId;
                return g.Where(r => r.RequestId == last).Select(r => (g.Key.PlayerLookup, g.Key.GameDate, Prop: g.Key.PropType.Code(), r.LineValue)).Distinct();
            })
            .ToArray();
        if (newest.Length == 0) return;
        Sql.Execute(connection, "CREATE OR REPLACE TEMP TABLE active_lines (player_lookup VARCHAR, game_date DATE, prop_type VARCHAR, line DOUBLE)");
        using (var appender = connection.CreateAppender("temp", "main", "active_lines"))
            foreach (var (player, date, prop, line) in newest)
                appender.CreateRow().AppendValue(player).AppendValue(date).AppendValue(prop).AppendValue(line).EndRow();
        // Bounded by the batch's dates: without it every batch scanned the whole table, a cost that grew with the season
        // (the table is written in arrival order, by date in a replay, so the bound skips most of it).
        Sql.Execute(connection, """
            UPDATE nba_predictions.player_prop_predictions p
            SET is_active = EXISTS (SELECT 1 FROM active_lines a WHERE a.player_lookup = p.player_lookup AND a.game_date = p.game_date
                                    AND a.prop_type = p.prop_type AND a.line = p.current_points_line)
            WHERE p.game_date BETWEEN $1 AND $2
              AND EXISTS (SELECT 1 FROM active_lines a WHERE a.player_lookup = p.player_lookup AND a.game_date = p.game_date AND a.prop_type = p.prop_type)
            """, newest.Min(n => n.GameDate), newest.Max(n => n.GameDate));
        Sql.Execute(connection, "DROP TABLE active_lines");
    }
}
