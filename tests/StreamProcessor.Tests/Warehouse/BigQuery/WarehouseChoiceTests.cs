using System.Globalization;
using StreamProcessor.Google.BigQuery.Read;
using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Warehouse.BigQuery;

/// <summary>
/// `--warehouse bigquery` against the local Storage server: every batch verb, then replay, give the same predictions
/// row by row as the embedded warehouse on the same data.
/// </summary>
public sealed class WarehouseChoiceTests
{
    private const string Day = "2025-02-12";

    [Fact]
    public async Task A_replayed_day_on_BigQuery_has_the_embedded_warehouses_predictions_row_by_row()
    {
        using var temp = new TempDirectory();
        var embeddedDir = Path.Combine(temp.Path, "embedded");
        var bigQueryDir = Path.Combine(temp.Path, "bigquery");
        await using var server = await LocalBigQuery.StartAsync();

        foreach (var (dir, warehouse) in new[] { (embeddedDir, "embedded"), (bigQueryDir, "bigquery") })
        {
            string[] Verb(params string[] args) => [.. args, "--data-dir", dir, "--warehouse", warehouse];
            await server.StreamAsync(Verb("data", "load", "--box-scores", TestData.BoxScoresCsv));
            await server.StreamAsync(Verb("data", "load", "--lines", TestData.PropLinesCsv));
            await server.StreamAsync(Verb("features", "build"));
            await server.StreamAsync(Verb("model", "train", "--until", "2025-02-01"));
            var replay = await server.StreamAsync(Verb("replay", "--date", Day, "--json"));
            Assert.True(replay.Json.GetProperty("predictions_written").GetInt64() > 500, replay.Output);
            Assert.Equal(0, replay.Json.GetProperty("unacknowledged").GetInt64());
        }

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
        // The breakers and dead letters went to BigQuery too: the embedded file of the BigQuery run has no predictions.
        Assert.Equal(0L, WarehouseQuery.Rows(Path.Combine(bigQueryDir, "warehouse.duckdb"), "SELECT count(*) FROM nba_predictions.player_prop_predictions")[0][0]);
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
