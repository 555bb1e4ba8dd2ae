using System.Text.RegularExpressions;
using StreamProcessor.Tests.Service;

namespace StreamProcessor.Tests.Warehouse;

/// <summary>deploy/bigquery/*.sql declares every embedded table with the same columns, types and keys.</summary>
public partial class BigQueryDdlTests
{
    [Fact]
    public void Every_embedded_table_has_a_BigQuery_table_with_the_same_columns_in_order()
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);
        var bigQuery = BigQueryTables();

        var embedded = WarehouseQuery.Rows(warehouse.Path, """
            SELECT schema_name || '.' || table_name, column_name, data_type, is_nullable
            FROM duckdb_columns() WHERE table_name <> 'schema_migrations' AND NOT internal
              AND (schema_name, table_name) IN (SELECT schema_name, table_name FROM duckdb_tables())
            ORDER BY schema_name, table_name, column_index
            """).GroupBy(r => (string)r[0]).ToArray();

        Assert.Equal(embedded.Select(t => t.Key).Order(), bigQuery.Keys.Order());
        foreach (var table in embedded)
        {
            var expected = table.Select(r => $"{r[1]} {BigQueryType((string)r[2])}{((bool)r[3] || ((string)r[2]).EndsWith("[]") ? "" : " NOT NULL")}").ToArray();
            Assert.Equal(expected, bigQuery[table.Key].Columns);
        }
    }

    [Fact]
    public void The_CDC_tables_have_the_embedded_primary_key_not_enforced()
    {
        var bigQuery = BigQueryTables();

        Assert.Equal("player_lookup, game_date", bigQuery["nba_analytics.player_game_summary"].PrimaryKey);
        Assert.Equal("player_lookup, game_date", bigQuery["nba_predictions.ml_feature_store_v2"].PrimaryKey);
        Assert.Equal("player_lookup, game_date, prop_type, system_id, current_points_line", bigQuery["nba_predictions.player_prop_predictions"].PrimaryKey);
        Assert.Equal("request_id", bigQuery["nba_predictions.prediction_events"].PrimaryKey);
        Assert.Equal("request_id", bigQuery["nba_predictions.prediction_worker_runs"].PrimaryKey);
        Assert.Equal("player_lookup, game_date, prop_type, bookmaker", bigQuery["nba_raw.odds_api_player_props"].PrimaryKey);
        Assert.Equal("player_lookup", bigQuery["nba_reference.nba_players_registry"].PrimaryKey);
        Assert.Equal("player_lookup, team, first_game_date", bigQuery["nba_reference.player_team_history"].PrimaryKey);
        Assert.Equal("alias", bigQuery["nba_reference.player_aliases"].PrimaryKey);
        // Plain appends: a deterministic id, and breaker transitions with the latest per system read.
        Assert.Null(bigQuery["nba_predictions.dead_letter"].PrimaryKey);
        Assert.Null(bigQuery["nba_orchestration.circuit_breaker_state"].PrimaryKey);
        // Tables without game_date or updated_at (a player's team stints) partition by the date they have.
        Assert.All(bigQuery.Values, t => Assert.Matches(@"PARTITION BY (game_date|DATE\(updated_at\)|first_game_date)", t.Tail));
        Assert.All(bigQuery.Values.Where(t => t.PrimaryKey is not null), t => Assert.Contains("max_staleness = INTERVAL", t.Tail));
    }

    private static string BigQueryType(string duckdb) => duckdb switch
    {
        "VARCHAR" => "STRING",
        "DOUBLE" => "FLOAT64",
        "INTEGER" or "BIGINT" => "INT64",
        "BOOLEAN" => "BOOL",
        "DATE" => "DATE",
        "TIMESTAMP WITH TIME ZONE" => "TIMESTAMP",
        _ when duckdb.EndsWith("[]") => $"ARRAY<{BigQueryType(duckdb[..^2])}>",
        _ => "unmapped " + duckdb,
    };

    private sealed record BigQueryTable(string[] Columns, string? PrimaryKey, string Tail);

    private static Dictionary<string, BigQueryTable> BigQueryTables()
    {
        var tables = new Dictionary<string, BigQueryTable>();
        foreach (var file in Directory.GetFiles(RepositoryFiles.Path("deploy/bigquery"), "*.sql"))
        {
            var sql = string.Join('\n', File.ReadAllLines(file).Select(l => l.Contains("--") ? l[..l.IndexOf("--", StringComparison.Ordinal)] : l));
            foreach (Match m in CreateTable().Matches(sql))
            {
                var lines = m.Groups["body"].Value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd(',')).ToArray();
                var key = lines.Select(l => PrimaryKey().Match(l)).FirstOrDefault(k => k.Success)?.Groups[1].Value;
                var columns = lines.Where(l => !l.StartsWith("PRIMARY KEY", StringComparison.Ordinal)).Select(l => Whitespace().Replace(l, " ")).ToArray();
                tables[m.Groups["table"].Value] = new BigQueryTable(columns, key, m.Groups["tail"].Value);
            }
        }
        return tables;
    }

    [GeneratedRegex(@"CREATE TABLE IF NOT EXISTS `PROJECT\.(?<table>\w+\.\w+)` \((?<body>.*?)\n\)(?<tail>[^;]*);", RegexOptions.Singleline)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^PRIMARY KEY \(([^)]*)\) NOT ENFORCED$")]
    private static partial Regex PrimaryKey();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
