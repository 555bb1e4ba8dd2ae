using DuckDB.NET.Data;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Tests.Service;

namespace StreamProcessor.Tests.Warehouse;

/// <summary>
/// A warehouse written before 008 keeps its predictions, events and log, loses the indexes on their keys (each
/// checkpoint wrote them out whole, so writes slowed as the tables grew), and a redelivery still replaces its rows.
/// </summary>
public class Migration008Tests
{
    [Fact]
    public async Task An_older_warehouse_keeps_its_rows_without_the_key_indexes_and_a_redelivery_still_replaces_them()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "warehouse.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            void Execute(string sql) { using var cmd = connection.CreateCommand(); cmd.CommandText = sql; cmd.ExecuteNonQuery(); }
            Execute("""
                CREATE SCHEMA IF NOT EXISTS nba_orchestration;
                CREATE TABLE nba_orchestration.schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL);
                """);
            foreach (var file in Directory.GetFiles(RepositoryFiles.Path("src/Sinks/Warehouse/Migrations"), "*.sql").Order()
                         .Where(f => string.CompareOrdinal(Path.GetFileName(f), "008") < 0))
            {
                Execute(File.ReadAllText(file));
                var name = Path.GetFileNameWithoutExtension(file);
                Execute($"INSERT INTO nba_orchestration.schema_migrations VALUES ({int.Parse(name[..3])}, '{name}', now())");
            }
            Execute("""
                INSERT INTO nba_predictions.player_prop_predictions VALUES
                    ('p-1', 'moving_average', 'lebron-james', DATE '2025-02-12', 'g-1', 24.0, 60, 'OVER', 22.5, 1.5, NULL, NULL, NULL, NULL, NULL,
                     'v3.0', 'r-1', TIMESTAMPTZ '2025-02-12 10:00:00+00', TIMESTAMPTZ '2025-02-12 10:00:00+00', true, 'points', 0.6,
                     NULL, NULL, NULL, NULL, NULL);
                INSERT INTO nba_predictions.prediction_events VALUES
                    ('r-1', 'lebron-james', DATE '2025-02-12', 'g-1', ['moving_average'], [], 1, TIMESTAMPTZ '2025-02-12 10:00:00+00',
                     'points', [22.5], 'v3.0', NULL);
                INSERT INTO nba_predictions.prediction_worker_runs VALUES
                    ('r-1', 'lebron-james', DATE '2025-02-12', [22.5], 'v3.0', ['moving_average'], ['moving_average'], [], [], 90, [], false, [],
                     NULL, 0, 0, 0, 0, true, NULL, TIMESTAMPTZ '2025-02-12 10:00:00+00', 'points', NULL, 'lebron-james');
                """);
            Assert.Equal(3L, PrimaryKeys(connection));
        }

        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);
        var later = DateTimeOffset.Parse("2025-02-12T11:00:00Z");
        await new WarehousePredictionSink(warehouse).WriteAsync(new CompletedBatch(
            new PredictionBatch([new PredictionRow
            {
                PredictionId = "p-1", SystemId = "moving_average", PlayerLookup = "lebron-james", GameDate = new DateOnly(2025, 2, 12),
                GameId = "g-1", PredictedPoints = 25, ConfidenceScore = 61, Recommendation = Recommendation.Over, LineValue = 22.5,
                LineMargin = 2.5, FeatureVersion = "v3.0", RequestId = "r-1", CreatedAt = later,
            }], []),
            [new CompletionEvent
            {
                RequestId = "r-1", PlayerLookup = "lebron-james", GameDate = new DateOnly(2025, 2, 12), GameId = "g-1", PropType = PropType.Points,
                LineValues = [22.5], FeatureVersion = "v3.0", SystemsSucceeded = ["moving_average"], SystemsFailed = [], PredictionsWritten = 1,
                PublishedAt = later,
            }],
            [new WorkerRun
            {
                RequestId = "r-1", PlayerLookup = "lebron-james", GameDate = new DateOnly(2025, 2, 12), Prop = PropType.Points, LineValues = [22.5],
                FeatureVersion = "v3.0", SystemsSucceeded = ["moving_average"], ProcessedAt = later,
            }]), default);

        var prediction = WarehouseQuery.Rows(warehouse.Path, "SELECT predicted_points, created_at, updated_at FROM nba_predictions.player_prop_predictions");
        Assert.Equal(25.0, (double)Assert.Single(prediction)[0]);
        Assert.Equal(DateTime.Parse("2025-02-12T10:00:00Z").ToUniversalTime(), ((DateTime)prediction[0][1]).ToUniversalTime());
        Assert.Equal(later.UtcDateTime, ((DateTime)prediction[0][2]).ToUniversalTime());
        Assert.Equal(later.UtcDateTime, ((DateTime)Assert.Single(WarehouseQuery.Rows(warehouse.Path, "SELECT published_at FROM nba_predictions.prediction_events"))[0]).ToUniversalTime());
        Assert.Equal(later.UtcDateTime, ((DateTime)Assert.Single(WarehouseQuery.Rows(warehouse.Path, "SELECT processed_at FROM nba_predictions.prediction_worker_runs"))[0]).ToUniversalTime());
        Assert.Equal(0L, Convert.ToInt64(WarehouseQuery.Rows(warehouse.Path, PrimaryKeysSql)[0][0]));
        // The key columns stay NOT NULL, as the key made them.
        var nullable = WarehouseQuery.Rows(warehouse.Path, """
            SELECT table_name || '.' || column_name FROM duckdb_columns()
            WHERE schema_name = 'nba_predictions' AND is_nullable
              AND ((table_name = 'player_prop_predictions'
                    AND column_name IN ('player_lookup', 'game_date', 'prop_type', 'system_id', 'current_points_line'))
                OR (table_name IN ('prediction_events', 'prediction_worker_runs') AND column_name = 'request_id'))
            """);
        Assert.Empty(nullable);
    }

    private const string PrimaryKeysSql = """
        SELECT count(*) FROM duckdb_constraints()
        WHERE constraint_type = 'PRIMARY KEY' AND schema_name = 'nba_predictions'
          AND table_name IN ('player_prop_predictions', 'prediction_events', 'prediction_worker_runs')
        """;

    private static long PrimaryKeys(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = PrimaryKeysSql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }
}
