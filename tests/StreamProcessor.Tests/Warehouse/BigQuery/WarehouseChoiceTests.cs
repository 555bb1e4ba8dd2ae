using System.Globalization;
using System.Text.Json;
using StreamProcessor.Google.BigQuery.Read;
using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Warehouse.BigQuery;

/// <summary>
/// `--warehouse bigquery` against the local Storage server: box scores and lines loaded into BigQuery from one data dir,
/// then every later verb in a second, fresh data dir that only ever holds the models, reading BigQuery through the Read
/// API. A replayed day has the embedded warehouse's predictions row by row, and evaluate the embedded evaluate's output.
/// </summary>
public sealed class WarehouseChoiceTests
{
    private const string Day = "2025-02-12";

    [Fact]
    public async Task Every_verb_on_BigQuery_reads_BigQuery_and_gives_the_embedded_warehouses_predictions_and_evaluation()
    {
        using var temp = new TempDirectory();
        var embeddedDir = Path.Combine(temp.Path, "embedded");
        var loaderDir = Path.Combine(temp.Path, "loader");
        var bigQueryDir = Path.Combine(temp.Path, "bigquery");
        await using var server = await LocalBigQuery.StartAsync();

        var evaluations = new Dictionary<string, string>();
        foreach (var (loadDir, dir, warehouse) in new[] { (embeddedDir, embeddedDir, "embedded"), (loaderDir, bigQueryDir, "bigquery") })
        {
            string[] Verb(string where, params string[] args) => [.. args, "--data-dir", where, "--warehouse", warehouse];
            await server.StreamAsync(Verb(loadDir, "data", "load", "--box-scores", TestData.BoxScoresCsv));
            await server.StreamAsync(Verb(loadDir, "data", "load", "--lines", TestData.PropLinesCsv));
            var features = await server.StreamAsync(Verb(dir, "features", "build", "--json"));
            Assert.True(features.Json.GetProperty("rows").GetInt64() > 10_000, features.Output);
            await server.StreamAsync(Verb(dir, "model", "train", "--until", "2025-02-01"));
            var replay = await server.StreamAsync(Verb(dir, "replay", "--date", Day, "--json"));
            Assert.True(replay.Json.GetProperty("predictions_written").GetInt64() > 500, replay.Output);
            Assert.Equal(0, replay.Json.GetProperty("unacknowledged").GetInt64());
            var evaluate = await server.StreamAsync(Verb(dir, "evaluate", "--from", "2025-02-01", "--to", "2025-02-07", "--prop", "all", "--json"));
            evaluations[warehouse] = evaluate.Output.TrimEnd().Split('\n')[^1];
        }
        // The verbs after data load read BigQuery only: the fresh data dir never got an embedded file, just the models.
        Assert.False(File.Exists(Path.Combine(bigQueryDir, "warehouse.duckdb")), string.Join(", ", Directory.GetFileSystemEntries(bigQueryDir)));
        Assert.True(Directory.Exists(Path.Combine(bigQueryDir, "models")));

        var embedded = WarehouseQuery.Rows(Path.Combine(embeddedDir, "warehouse.duckdb"), $"""
            SELECT player_lookup, prop_type, system_id, current_points_line, predicted_points, probability_over, confidence_score,
                   recommendation, line_margin, model_version, feature_version, request_id, is_active, over_price, under_price,
                   expected_value, recommendation_rule, prediction_id
            FROM nba_predictions.player_prop_predictions WHERE game_date = DATE '{Day}'
            """).Select(r => Row(r)).ToDictionary(r => r.Key);

        using var storage = server.Connect();
        var rows = await storage.Reader.ReadRowsAsync(new ReadRequest(storage.Table("nba_predictions", "player_prop_predictions"), null, $"game_date = '{Day}'"));
        var bigQuery = rows.Select(r => Row([r["player_lookup"], r["prop_type"], r["system_id"], r["current_points_line"], r["predicted_points"],
            r["probability_over"], r["confidence_score"], r["recommendation"], r["line_margin"], r["model_version"], r["feature_version"],
            r["request_id"], r["is_active"], r["over_price"], r["under_price"], r["expected_value"], r["recommendation_rule"], r["prediction_id"]])).ToArray();

        Assert.Equal(embedded.Count, bigQuery.Length);
        Assert.Equal(bigQuery.Length, bigQuery.Select(r => r.Key).Distinct().Count()); // exactly once per key
        foreach (var row in bigQuery)
        {
            Assert.True(embedded.TryGetValue(row.Key, out var expected), $"BigQuery has {row.Key}, the embedded warehouse has not");
            Assert.Equal(expected.Values, row.Values);
        }
        // evaluate on BigQuery scores the same player-games with the same models: its report is the embedded one's.
        using (var embeddedEvaluation = JsonDocument.Parse(evaluations["embedded"]))
            Assert.True(embeddedEvaluation.RootElement.GetProperty("props").GetProperty("points").GetProperty("n").GetInt32() > 1000, evaluations["embedded"]);
        Assert.Equal(evaluations["embedded"], evaluations["bigquery"]);
    }

    [Fact]
    public async Task Replay_on_an_empty_BigQuery_stops_with_the_load_command_and_generates_nothing()
    {
        using var temp = new TempDirectory();
        await using var server = await LocalBigQuery.StartAsync();

        var replay = await server.RunStreamAsync("replay", "--date", Day, "--data-dir", temp.Path, "--warehouse", "bigquery");

        Assert.NotEqual(0, replay.ExitCode);
        Assert.Contains("has no box scores: load them with `data load --box-scores FILE.csv --warehouse bigquery`", replay.Error);
        Assert.False(File.Exists(Path.Combine(temp.Path, "warehouse.duckdb")));
        // Nothing synthetic was written to the shared warehouse either.
        using var storage = server.Connect();
        Assert.Empty(await storage.Reader.ReadRowsAsync(new ReadRequest(storage.Table("nba_analytics", "player_game_summary"), ["player_lookup"])));
    }

    private sealed record Compared(string Key, string[] Values);

    private static Compared Row(object?[] r)
    {
        static string Text(object? v) => v switch
        {
            null or DBNull => "null",
            double d => Math.Round(d, 9).ToString("R", CultureInfo.InvariantCulture),
            float f => Math.Round(f, 9).ToString("R", CultureInfo.InvariantCulture),
            _ => Convert.ToString(v, CultureInfo.InvariantCulture)!,
        };
        return new Compared($"{r[0]}/{r[1]}/{r[2]}/{Text(r[3])}", r.Skip(4).Select(Text).ToArray());
    }
}
