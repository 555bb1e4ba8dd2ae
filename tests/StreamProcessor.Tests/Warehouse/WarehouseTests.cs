using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Tests.Warehouse;

public class WarehouseTests
{
    private static List<object[]> Query(string path, string sql) => WarehouseQuery.Rows(path, sql);

    private static int[] MigrationFileVersions()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StreamProcessor.sln"))) dir = dir.Parent;
        var files = Directory.GetFiles(Path.Combine(dir!.FullName, "src", "Sinks", "Warehouse", "Migrations"), "*.sql");
        var versions = files.Select(f => int.Parse(Path.GetFileName(f)[..3])).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, versions.Length), versions); // numbered without gaps
        return versions;
    }

    [Fact]
    public void Opening_a_warehouse_again_applies_each_migration_once()
    {
        using var temp = new TempDirectory();
        string path;
        using (var first = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path)) path = first.Path;
        var once = Query(path, "SELECT version FROM nba_orchestration.schema_migrations ORDER BY version").Select(r => Convert.ToInt32(r[0])).ToArray();
        using (StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path)) { }

        var versions = Query(path, "SELECT version FROM nba_orchestration.schema_migrations ORDER BY version").Select(r => Convert.ToInt32(r[0])).ToArray();
        Assert.Equal(once, versions);
        Assert.Equal(MigrationFileVersions(), versions); // every NNN_name.sql of src/Sinks/Warehouse/Migrations, in order
        var tables = Query(path, "SELECT schema_name || '.' || table_name FROM duckdb_tables() ORDER BY 1").Select(r => (string)r[0]).ToArray();
        Assert.Contains("nba_analytics.player_game_summary", tables);
        Assert.Contains("nba_predictions.ml_feature_store_v2", tables);
        Assert.Contains("nba_predictions.player_prop_predictions", tables);
        Assert.Contains("nba_predictions.dead_letter", tables);
    }

    [Fact]
    public void Opening_a_file_twice_in_one_process_shares_it_and_the_last_close_lets_another_process_open_it()
    {
        using var temp = new TempDirectory();
        var first = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);
        var second = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);
        using (var connection = first.Connect())
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "CREATE TABLE scratch AS SELECT 'a row' AS text";
            insert.ExecuteNonQuery();
        }
        first.Dispose();

        // Still open through the second: it sees the row the first wrote, and nothing else can take the file.
        Assert.Single(Query(second.Path, "SELECT * FROM scratch"));
        second.Dispose();

        // Closed: a plain DuckDB open, as another process's would be, gets the file and the row.
        using var plain = new DuckDB.NET.Data.DuckDBConnection($"Data Source={second.Path}");
        plain.Open();
        using var count = plain.CreateCommand();
        count.CommandText = "SELECT count(*) FROM scratch";
        Assert.Equal(1L, Convert.ToInt64(count.ExecuteScalar()));
    }

    [Fact]
    public void Rows_are_stored_in_row_groups_of_the_configured_size()
    {
        using var temp = new TempDirectory();
        string path;
        using (var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path, new DuckDbSettings(RowGroupSize: 2048)))
        {
            path = warehouse.Path;
            using var connection = warehouse.Connect();
            using var insert = connection.CreateCommand();
            insert.CommandText = "CREATE TABLE scratch AS SELECT range AS i FROM range(10000)";
            insert.ExecuteNonQuery();
        }

        // 10,000 rows in groups of at most 2,048 (DuckDB's default would hold them in one), kept when opened again.
        var groups = Query(path, "SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('scratch')");
        Assert.Equal(5L, Convert.ToInt64(groups[0][0]));
    }

    [Fact]
    public void DuckDB_holds_no_more_than_the_memory_limit_however_much_the_file_holds()
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path, new DuckDbSettings(MemoryLimitMegabytes: 128));
        using var connection = warehouse.Connect();

        // Several times the limit written, then read back whole with a grouping that needs memory of its own.
        Sql.Execute(connection, "CREATE TABLE scratch AS SELECT range AS i, md5(range::VARCHAR) || md5((range + 1)::VARCHAR) AS text FROM range(8000000)");
        Sql.Execute(connection, "CHECKPOINT");
        Assert.Equal(8_000_000L, Sql.Scalar<long>(connection, "SELECT count(DISTINCT text) FROM scratch"));
        var stored = Sql.Scalar<long>(connection, "SELECT (used_blocks * block_size)::BIGINT FROM pragma_database_size() WHERE database_name = current_database()");
        Assert.True(stored > 2 * 128L * 1024 * 1024, $"the file should hold several times the limit, held {stored} bytes");

        // Without the limit DuckDB kept 275 MB of it cached here.
        var held = Sql.Scalar<long>(connection, "SELECT sum(memory_usage_bytes)::BIGINT FROM duckdb_memory()");
        Assert.InRange(held, 0, 128L * 1024 * 1024);
        // What does not fit goes beside the file, not into the working directory of whoever runs the binary.
        Assert.Equal(warehouse.Path + ".tmp", Sql.Scalar<string>(connection, "SELECT current_setting('temp_directory')"));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("fsst, dict_fsst", false)]
    public void A_checkpoint_compresses_without_the_methods_left_out(string? disabled, bool fsstExpected)
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path, new DuckDbSettings(DisabledCompression: disabled));
        using var connection = warehouse.Connect();

        // Long, distinct strings with much in common: what DuckDB stores with FSST when it may.
        Sql.Execute(connection, "CREATE TABLE scratch AS SELECT 'prediction-for-player-' || (range % 500) || '-on-2025-02-' || md5(range::VARCHAR) AS text FROM range(50000)");
        Sql.Execute(connection, "CHECKPOINT");

        var methods = Sql.Scalar<string>(connection, "SELECT string_agg(DISTINCT lower(compression), ',') FROM pragma_storage_info('scratch') WHERE segment_type = 'VARCHAR'");
        Assert.Equal(fsstExpected, methods.Split(',').Any(m => m.Contains("fsst")));
    }

    [Fact]
    public void Without_a_memory_limit_what_spills_still_goes_beside_the_file()
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);
        using var connection = warehouse.Connect();

        Assert.Equal(warehouse.Path + ".tmp", Sql.Scalar<string>(connection, "SELECT current_setting('temp_directory')"));
    }

    [Fact]
    public void The_feature_table_has_a_column_for_every_catalogued_feature_in_order()
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);

        var columns = Query(warehouse.Path, """
            SELECT column_name FROM duckdb_columns()
            WHERE schema_name = 'nba_predictions' AND table_name = 'ml_feature_store_v2' ORDER BY column_index
            """).Select(r => (string)r[0]).ToArray();

        Assert.Equal(FeatureCatalog.All.Select(f => f.ColumnName()), columns.Skip(6).Take(FeatureCatalog.Count));
    }

    [Fact]
    public async Task Writing_the_same_predictions_again_updates_them_in_place()
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);
        var sink = new WarehousePredictionSink(warehouse);
        var first = DateTimeOffset.Parse("2025-02-12T10:00:00Z");
        PredictionRow Row(string system, double line, double predicted, DateTimeOffset at) => new()
        {
            PredictionId = new PredictionKey("a-player", new DateOnly(2025, 2, 12), system, line).PredictionId,
            SystemId = system, PlayerLookup = "a-player", GameDate = new DateOnly(2025, 2, 12), GameId = "20250212_LAL_UTA",
            PredictedPoints = predicted, ConfidenceScore = 60, Recommendation = Recommendation.Over, LineValue = line,
            LineMargin = predicted - line, FeatureVersion = "v", RequestId = "r", CreatedAt = at,
        };
        var failure = new DeadLetter { RequestId = "r", SystemId = "similarity_balanced_v1", ReasonCode = "insufficient_history", Message = "3 < 5" };

        await sink.WriteAsync(new PredictionBatch([Row("moving_average", 20.5, 22, first), Row("moving_average", 21.5, 22, first)], [failure]), default);
        await sink.WriteAsync(new PredictionBatch([Row("moving_average", 20.5, 23, first.AddHours(1)), Row("moving_average", 20.5, 24, first.AddHours(2))], [failure]), default);

        var rows = Query(warehouse.Path, "SELECT current_points_line, predicted_points, created_at, updated_at FROM nba_predictions.player_prop_predictions ORDER BY 1");
        Assert.Equal(2, rows.Count);
        Assert.Equal(24.0, Convert.ToDouble(rows[0][1]));     // the newest write of the key wins
        Assert.Equal(first.UtcDateTime, ((DateTime)rows[0][2]).ToUniversalTime()); // first written at is kept
        Assert.Equal(22.0, Convert.ToDouble(rows[1][1]));
        Assert.Single(Query(warehouse.Path, "SELECT * FROM nba_predictions.dead_letter"));
    }
}
