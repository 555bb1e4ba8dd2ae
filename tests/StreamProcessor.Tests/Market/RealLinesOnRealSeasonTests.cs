using StreamProcessor.Stream.Sources;
using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Market;

/// <summary>Sportsbook lines through the real binary: loading them, predicting against them with prices, line moves.</summary>
[Collection(RealSeasonCollection.Name)]
public class RealLinesOnRealSeasonTests(RealSeasonFixture season)
{
    private const string Header = "player_name,game_date,market,line,over_price,under_price,bookmaker,source";

    private static Task<EndToEnd.Cli.Run> Stream(params string[] args) => EndToEnd.Cli.RunAsync(args);

    private static List<object[]> Query(TempDirectory data, string sql) => WarehouseQuery.Rows(Path.Combine(data.Path, "warehouse.duckdb"), sql);

    [Fact]
    public async Task A_lines_file_with_bad_rows_loads_nothing_and_names_each_by_line_and_column_and_a_clean_one_loads_through_the_registry()
    {
        using var data = season.CopyDataDir();
        var file = data.File("lines.csv");
        // invented rows (line 1 is the header)
        await File.WriteAllLinesAsync(file,
        [
            Header,
            "LeBron James,2025-02-12,points,24.5,-110,-110,bookone,test",
            "Royce ONeale,2025-02-12,threes,1.5,-120,100,bookone,test",     // spelt without the apostrophe: resolves
            "Nobody At All,2025-02-12,points,10.5,-110,-110,bookone,test",  // 4: no such player
            "LeBron James,2025-02-12,rebounds,7.5,-50,-110,bookone,test",   // 5: no American price
            "LeBron James,2025-02-31,assists,8.5,-110,-110,bookone,test",   // 6: no such date
            "LeBron James,2025-02-12,steals,1.5,-110,-110,bookone,test",    // 7: no such market
            "LeBron James,2025-02-12,points,25.5,-110,-110,bookone,test",   // 8: a second line at the same book
        ]);

        var bad = await Stream("data", "load", "--lines", file, "--data-dir", data.Path, "--json");

        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("lines.csv:4: column player_name: no such player", bad.Error);
        Assert.Contains("nobody", bad.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lines.csv:5: column over_price", bad.Error);
        Assert.Contains("lines.csv:6: column game_date", bad.Error);
        Assert.Contains("lines.csv:7: column market", bad.Error);
        Assert.Contains("lines.csv:8: a second line for lebron-james 2025-02-12 points at bookone (the first is on line 2)", bad.Error);
        Assert.DoesNotContain("lines.csv:2", bad.Error);
        Assert.Equal([4, 5, 6, 7, 8], bad.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal(0L, Convert.ToInt64(Query(data, "SELECT count(*) FROM nba_raw.odds_api_player_props")[0][0]));

        await File.WriteAllLinesAsync(file, (await File.ReadAllLinesAsync(file)).Take(3));
        var good = await EndToEnd.Cli.RunOkAsync("data", "load", "--lines", file, "--data-dir", data.Path, "--json");

        Assert.Equal(2, good.Json.GetProperty("loaded").GetInt32());
        Assert.Equal(["lebron-james|LeBron James|points", "royce-oneale|Royce ONeale|threes"],
            Query(data, "SELECT player_lookup, player_name, prop_type FROM nba_raw.odds_api_player_props ORDER BY 1").Select(r => string.Join('|', r)));
    }

    [Fact]
    public async Task Requests_with_bad_prices_are_dead_lettered_invalid_price_and_priced_ones_are_recommended_by_expected_value()
    {
        using var data = season.CopyDataDir();
        var requests = data.File("priced.jsonl");
        await File.WriteAllLinesAsync(requests,
        [
            """{"player_lookup": "lebron-james", "game_date": "2025-02-12", "game_id": "20250212_LAL_UTA", "line_values": [24.5], "over_prices": [-110], "under_prices": [-110]}""",
            """{"player_lookup": "lebron-james", "game_date": "2025-02-12", "game_id": "20250212_LAL_UTA", "line_values": [24.5], "over_prices": [-110, 100], "under_prices": [-110]}""",
            """{"player_lookup": "lebron-james", "game_date": "2025-02-12", "game_id": "20250212_LAL_UTA", "line_values": [24.5], "over_prices": [-90], "under_prices": [-110]}""",
            """{"player_lookup": "lebron-james", "game_date": "2025-02-12", "game_id": "20250212_LAL_UTA", "line_values": [24.5], "over_prices": [-110]}""",
            """{"player_lookup": "stephen-curry", "game_date": "2025-02-12", "game_id": "20250212_GSW_DAL", "line_values": [22.5]}""",
        ]);

        var run = await EndToEnd.Cli.RunOkAsync("replay", "--requests", requests, "--data-dir", data.Path, "--json");

        Assert.Equal(3, run.Json.GetProperty("dead_letters_by_reason").GetProperty("invalid_price").GetInt64());
        Assert.Equal([JsonlFileRequestSource.MessageId(requests, 2), JsonlFileRequestSource.MessageId(requests, 3), JsonlFileRequestSource.MessageId(requests, 4)],
            Query(data, "SELECT request_id FROM nba_predictions.dead_letter WHERE reason_code = 'invalid_price' ORDER BY 1").Select(r => (string)r[0]));
        var priced = Query(data, $"""
            SELECT over_price, under_price, market_probability_over, expected_value, recommendation_rule, recommendation, probability_over
            FROM nba_predictions.player_prop_predictions WHERE request_id = '{JsonlFileRequestSource.MessageId(requests, 1)}'
            """);
        Assert.Equal(5, priced.Count);
        Assert.All(priced, r =>
        {
            Assert.Equal((-110.0, -110.0, 0.5), ((double)r[0], (double)r[1], (double)r[2]));
            Assert.Equal("expected_value", r[4]);
            var p = (double)r[6];
            double over = p * (1 + 100 / 110.0) - 1, under = (1 - p) * (1 + 100 / 110.0) - 1;
            var expected = (string)r[5] switch { "OVER" => over, "UNDER" => under, _ => Math.Max(over, under) };
            Assert.True(Math.Abs(expected - (double)r[3]) < 2e-4, $"{r[5]} at P(over) {p}: EV {r[3]}, expected {expected}");
            if ((string)r[5] != "PASS") Assert.True((double)r[3] >= 0.03);
        });
        var unpriced = Query(data, $"SELECT DISTINCT recommendation_rule, expected_value IS NULL FROM nba_predictions.player_prop_predictions WHERE request_id = '{JsonlFileRequestSource.MessageId(requests, 5)}'");
        Assert.Equal("edge_and_probability|True", string.Join('|', Assert.Single(unpriced)));
    }

    [Fact]
    public async Task Replay_of_a_day_predicts_against_its_real_lines_and_a_moved_line_supersedes_the_earlier_rows()
    {
        using var data = season.CopyDataDir();
        var morning = data.File("morning.csv");
        await File.WriteAllLinesAsync(morning,
        [
            Header,
            "LeBron James,2025-02-12,points,24.5,-110,-110,bookone,test",
            "LeBron James,2025-02-12,points,24.5,-115,-105,booktwo,test",
            "LeBron James,2025-02-12,points,25.5,105,-125,bookthree,test",
            "Stephen Curry,2025-02-12,threes,4.5,120,-150,bookone,test",
        ]);
        await EndToEnd.Cli.RunOkAsync("data", "load", "--lines", morning, "--data-dir", data.Path);

        var first = await EndToEnd.Cli.RunOkAsync("replay", "--date", "2025-02-12", "--data-dir", data.Path, "--json");

        Assert.Equal(2, first.Json.GetProperty("requests").GetInt64());
        Assert.Equal(2, first.Json.GetProperty("real_lines").GetInt32());
        Assert.Equal(0, first.Json.GetProperty("synthetic_lines").GetInt32());
        Assert.True(first.Json.GetProperty("no_real_line").GetInt32() > 250);
        var lebron = Query(data, """
            SELECT DISTINCT current_points_line, over_price FROM nba_predictions.player_prop_predictions
            WHERE player_lookup = 'lebron-james' AND game_date = DATE '2025-02-12' AND prop_type = 'points'
            """);
        var consensus = Assert.Single(lebron);
        Assert.Equal(24.5, (double)consensus[0]); // two books of three
        Assert.Equal(-112.4, (double)consensus[1], 1); // mean decimal price of -110 and -115
        Assert.Equal(5L, Convert.ToInt64(Query(data, "SELECT count(*) FROM nba_predictions.player_prop_predictions WHERE player_lookup = 'stephen-curry' AND prop_type = 'threes'")[0][0]));

        // the books move LeBron to 25.5 before tip-off
        var evening = data.File("evening.csv");
        await File.WriteAllLinesAsync(evening,
        [
            Header,
            "LeBron James,2025-02-12,points,25.5,-110,-110,bookone,test",
            "LeBron James,2025-02-12,points,25.5,-110,-110,booktwo,test",
        ]);
        await EndToEnd.Cli.RunOkAsync("data", "load", "--lines", evening, "--data-dir", data.Path);
        var second = await EndToEnd.Cli.RunOkAsync("replay", "--date", "2025-02-12", "--data-dir", data.Path, "--json");

        Assert.Equal(1, second.Json.GetProperty("skipped_by_reason").GetProperty("already_processed").GetInt64()); // Curry's line did not move
        var rows = Query(data, """
            SELECT current_points_line, is_active, count(*) FROM nba_predictions.player_prop_predictions
            WHERE player_lookup = 'lebron-james' AND game_date = DATE '2025-02-12' AND prop_type = 'points' GROUP BY ALL ORDER BY 1
            """).Select(r => $"{r[0]}|{r[1]}|{r[2]}");
        Assert.Equal(["24.5|False|5", "25.5|True|5"], rows); // the morning's rows kept for history, the new line's active
        var activeLines = Query(data, """
            SELECT count(DISTINCT current_points_line) FROM nba_predictions.player_prop_predictions
            WHERE is_active AND game_date = DATE '2025-02-12' GROUP BY player_lookup, prop_type
            """);
        Assert.All(activeLines, r => Assert.Equal(1L, Convert.ToInt64(r[0])));

        var everyone = await EndToEnd.Cli.RunOkAsync("replay", "--date", "2025-02-12", "--synthetic-lines", "--data-dir", data.Path, "--json");
        Assert.Equal(2, everyone.Json.GetProperty("real_lines").GetInt32());
        Assert.True(everyone.Json.GetProperty("synthetic_lines").GetInt32() > 250);
        Assert.Equal(0, everyone.Json.GetProperty("no_real_line").GetInt32());
    }
}
