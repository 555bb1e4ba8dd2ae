using DuckDB.NET.Data;
using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Tests.Service;

namespace StreamProcessor.Tests.Warehouse;

/// <summary>A warehouse written by the release before 005 keeps its breaker state and log, and smart skip does not trust prop-less rows.</summary>
public class Migration005Tests
{
    [Fact]
    public async Task An_older_warehouse_upgrades_its_breakers_to_points_breakers_and_its_propless_runs_are_never_skipped()
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
            var migrations = Directory.GetFiles(RepositoryFiles.Path("src/Sinks/Warehouse/Migrations"), "*.sql").Order().ToArray();
            foreach (var file in migrations.Where(f => string.CompareOrdinal(Path.GetFileName(f), "005") < 0))
            {
                Execute(File.ReadAllText(file));
                var name = Path.GetFileNameWithoutExtension(file);
                Execute($"INSERT INTO nba_orchestration.schema_migrations VALUES ({int.Parse(name[..3])}, '{name}', now())");
            }
            Execute("""
                INSERT INTO nba_orchestration.circuit_breaker_state VALUES
                    ('xgboost_v1', 'OPEN', 5, 5, 1800, TIMESTAMPTZ '2025-02-12 18:00:00+00', 'system_error', ['x'], TIMESTAMPTZ '2025-02-12 18:00:00+00');
                INSERT INTO nba_predictions.prediction_worker_runs VALUES
                    ('old:1', 'lebron-james', DATE '2025-02-12', [7.5], 'v3.0', ['moving_average'], ['moving_average'], [], [], 90, [], false, [],
                     NULL, 0, 0, 0, 0, true, NULL, TIMESTAMPTZ '2025-02-12 18:00:00+00');
                """);
        }

        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);

        var breaker = Assert.Single(new BreakerStateTable(warehouse).ReadAll());
        Assert.Equal(new BreakerKey("xgboost_v1", PropType.Points), breaker.Key);
        Assert.Equal((BreakerRecord.Open, 5, "system_error"), (breaker.Value.State, breaker.Value.FailureCount, breaker.Value.OpenCause));
        var processed = await new WarehouseExecutionLog(warehouse).ProcessedAsync([new PlayerDate("lebron-james", new DateOnly(2025, 2, 12))], default);
        Assert.Empty(processed); // which prop it was is unknown: predict it again rather than skip the wrong one
    }
}
