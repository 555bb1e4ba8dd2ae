using System.Text.Json;
using StreamProcessor.Google.BigQuery.Write;
using static StreamProcessor.Google.BigQuery.Tests.Fixtures;

namespace StreamProcessor.Google.BigQuery.Tests;

/// <summary>
/// The interop proof: Google's own Node.js client and the product's client against one local server, each
/// reading what the other wrote. If the emulator spoke a private dialect, one side would fail.
/// </summary>
public sealed class GoogleClientInteropTests
{
    [Fact]
    public async Task What_Googles_Node_writer_appends_the_product_reads_back()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();

        var result = await NodeClient.WriteAsync(emulator, "nba_predictions", "prediction_events", JsonSerializer.Serialize(new[]
        {
            new { request_id = "node-1", player_lookup = "lebronjames", game_date = "2025-02-12", game_id = "0022400777", systems_succeeded = new[] { "ensemble_v1", "moving_average" }, systems_failed = new[] { "zone_matchup_v1" }, predictions_written = 8, published_at = "2025-02-12T18:30:00.000Z" },
            new { request_id = "node-2", player_lookup = "stephcurry", game_date = "2025-02-13", game_id = "0022400790", systems_succeeded = new[] { "xgboost_v1" }, systems_failed = Array.Empty<string>(), predictions_written = 2, published_at = "2025-02-13T01:00:00.000Z" },
        }));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("error").ValueKind);
        Assert.Equal(0, result.GetProperty("row_errors").GetArrayLength());

        var rows = await storage.ReadAsync(storage.Events());
        Assert.Equal(2, rows.Count);
        var lebron = rows.Single(r => (string)r["request_id"]! == "node-1");
        Assert.Equal("lebronjames", lebron["player_lookup"]);
        Assert.Equal(Feb12, lebron["game_date"]);
        Assert.Equal(new DateTimeOffset(2025, 2, 12, 18, 30, 0, TimeSpan.Zero), lebron["published_at"]);
        Assert.Equal(new object?[] { "ensemble_v1", "moving_average" }, (IReadOnlyList<object?>)lebron["systems_succeeded"]!);
        Assert.Equal(new object?[] { "zone_matchup_v1" }, (IReadOnlyList<object?>)lebron["systems_failed"]!);
        Assert.Equal(8L, lebron["predictions_written"]);
        Assert.Equal(new DateOnly(2025, 2, 13), rows.Single(r => (string)r["request_id"]! == "node-2")["game_date"]);
    }

    [Fact]
    public async Task What_the_product_writes_Googles_Node_reader_reads_in_Arrow_with_fields_and_a_restriction()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();
        await using var writer = storage.EventWriter();
        await writer.WriteAsync([new(Event("p-1", 3, "a")), new(Event("p-2", 5, "b")), new(Event("p-3", 7, "c", Feb12.AddDays(1)))]);
        await writer.WriteAsync([new(Event("p-2", 6, "b"), RowChange.Upsert)]);

        var all = await NodeClient.ReadAsync(emulator, "nba_predictions", "prediction_events");
        Assert.Equal(1, all.GetProperty("streams").GetInt32());
        Assert.Equal(3, all.GetProperty("rows").GetArrayLength());
        Assert.Contains("game_date:Date32<DAY>", all.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("published_at:Timestamp<MICROSECOND, UTC>", all.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));

        var some = await NodeClient.ReadAsync(emulator, "nba_predictions", "prediction_events", "request_id,game_date,predictions_written,systems_succeeded,published_at", "game_date = '2025-02-12' AND predictions_written > 3");
        var row = Assert.Single(some.GetProperty("rows").EnumerateArray());
        Assert.Equal(["request_id", "game_date", "predictions_written", "systems_succeeded", "published_at"], row.EnumerateObject().Select(p => p.Name));
        Assert.Equal("p-2", row.GetProperty("request_id").GetString());
        Assert.Equal(6, row.GetProperty("predictions_written").GetInt64());
        Assert.Equal("2025-02-12", row.GetProperty("game_date").GetString());
        Assert.Equal("2025-02-12T12:00:00.000Z", row.GetProperty("published_at").GetString());
        Assert.Equal(["ensemble_v1", "xgboost_v1"], row.GetProperty("systems_succeeded").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Googles_Node_writer_gets_row_errors_for_a_row_that_does_not_fit_and_appends_nothing_of_that_request()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();

        // prediction_events.player_lookup is REQUIRED: the second row lacks it.
        var result = await NodeClient.WriteAsync(emulator, "nba_predictions", "prediction_events", JsonSerializer.Serialize(new object[]
        {
            new { request_id = "ok", player_lookup = "a", game_date = "2025-02-12", game_id = "g", predictions_written = 1, published_at = "2025-02-12T18:30:00.000Z" },
            new { request_id = "bad", game_date = "2025-02-12", game_id = "g", predictions_written = 1, published_at = "2025-02-12T18:30:00.000Z" },
        }));

        var error = Assert.Single(result.GetProperty("row_errors").EnumerateArray());
        Assert.Equal(1, error.GetProperty("index").GetInt32());
        Assert.Contains("player_lookup", error.GetProperty("message").GetString());
        Assert.Empty(await storage.ReadAsync(storage.Events()));
    }
}
