using StreamProcessor.Stream.Sources;
using StreamProcessor.Systems.Prediction.Systems;

namespace StreamProcessor.Tests.EndToEnd;

[Collection(RealSeasonCollection.Name)]
public class ReplayOnRealSeasonTests(RealSeasonFixture season)
{
    private const string Day = "2025-02-12";

    private List<object[]> Query(string sql) => WarehouseQuery.Rows(Path.Combine(season.DataDir, "warehouse.duckdb"), sql);

    [Fact]
    public async Task Every_player_with_ten_earlier_games_gets_five_predictions_or_a_recorded_reason()
    {
        var run = await Cli.RunOkAsync("replay", "--date", Day, "--data-dir", season.DataDir, "--json");
        var json = run.Json;
        Assert.True(json.GetProperty("requests").GetInt64() > 250);
        Assert.Equal(0, json.GetProperty("dead_lettered").GetInt64());
        Assert.True(json.GetProperty("elapsed_ms").GetInt64() >= 0);
        Assert.True(json.GetProperty("requests_per_second").GetDouble() > 0);

        var eligible = Query($"""
            SELECT f.player_lookup,
                   (SELECT count(*) FROM nba_predictions.player_prop_predictions p
                     WHERE p.player_lookup = f.player_lookup AND p.game_date = f.game_date) AS predictions,
                   (SELECT count(*) FROM nba_predictions.dead_letter d
                     WHERE d.player_lookup = f.player_lookup AND d.game_date = f.game_date AND d.system_id IS NOT NULL) AS reasons
            FROM nba_predictions.ml_feature_store_v2 f
            WHERE f.game_date = DATE '{Day}' AND f.games_played >= 10
            """);

        Assert.True(eligible.Count > 250, $"only {eligible.Count} players with 10 earlier games on {Day}");
        foreach (var row in eligible)
        {
            var predictions = Convert.ToInt64(row[1]);
            var reasons = Convert.ToInt64(row[2]);
            Assert.True(predictions + reasons >= SystemIds.All.Count, $"{row[0]}: {predictions} predictions and {reasons} recorded reasons");
        }
        var fullyPredicted = eligible.Count(r => Convert.ToInt64(r[1]) == SystemIds.All.Count);
        Assert.True(fullyPredicted >= eligible.Count * 0.9, $"only {fullyPredicted} of {eligible.Count} players got all five predictions");

        // one ensemble row per player, built from at least two systems, with confidence on the 0-100 scale
        var ensembles = Query($"""
            SELECT ensemble_systems, confidence_score, recommendation FROM nba_predictions.player_prop_predictions
            WHERE game_date = DATE '{Day}' AND system_id = 'ensemble_v1'
            """);
        Assert.All(ensembles, r =>
        {
            Assert.True(((string)r[0]).Split(',').Length >= 2);
            Assert.InRange(Convert.ToDouble(r[1]), 0, 100);
            Assert.Contains((string)r[2], new[] { "OVER", "UNDER", "PASS" });
        });
        Assert.Contains(ensembles, r => (string)r[2] != "PASS");
    }

    [Fact]
    public async Task Replaying_a_day_twice_leaves_the_same_rows_and_the_second_run_skips_the_work()
    {
        var first = await Cli.RunOkAsync("replay", "--date", "2025-02-10", "--data-dir", season.DataDir, "--json");
        List<object[]> Keys() => Query("""
            SELECT player_lookup, system_id, current_points_line, prediction_id FROM nba_predictions.player_prop_predictions
            WHERE game_date = DATE '2025-02-10' ORDER BY ALL
            """);
        var keys = Keys();

        var second = await Cli.RunOkAsync("replay", "--date", "2025-02-10", "--data-dir", season.DataDir, "--json");
        var forced = await Cli.RunOkAsync("replay", "--date", "2025-02-10", "--force", "--data-dir", season.DataDir, "--json");

        Assert.NotEmpty(keys);
        Assert.Equal(keys.Count, first.Json.GetProperty("predictions_written").GetInt64());
        // smart skip: same player, date, lines and feature version -> no work, recorded as already_processed
        Assert.Equal(0, second.Json.GetProperty("predictions_written").GetInt64());
        Assert.Equal(first.Json.GetProperty("requests").GetInt64(), second.Json.GetProperty("skipped_by_reason").GetProperty("already_processed").GetInt64());
        // --force predicts again, onto the same keys
        Assert.Equal(keys.Count, forced.Json.GetProperty("predictions_written").GetInt64());
        Assert.Equal(keys.Select(r => string.Join('|', r)), Keys().Select(r => string.Join('|', r)));
    }

    [Fact]
    public async Task A_malformed_request_is_dead_lettered_while_its_neighbours_are_predicted()
    {
        using var temp = new TempDirectory();
        var requests = temp.File("requests.jsonl");
        await File.WriteAllLinesAsync(requests,
        [
            """{"player_lookup": "lebron-james", "game_date": "2025-02-12", "game_id": "20250212_LAL_UTA", "line_values": [24.5]}""",
            """{"player_lookup": "lebron-james", "game_date": "2025-02-12", "game_id": """,
            """{"player_lookup": "stephen-curry", "game_date": "2025-02-12", "game_id": "20250212_GSW_DAL", "line_values": [22.5, 25.5]}""",
            """{"player_lookup": "nobody-at-all", "game_date": "2025-02-12", "game_id": "20250212_GSW_HOU", "line_values": [10.5]}""",
            """{"player_lookup": "nikola-jokic", "game_date": "2025-02-12", "game_id": "20250212_POR_DEN", "line_values": [-1]}""",
            """{"player_lookup": "nikola-jokic", "game_date": "2025-02-12", "game_id": "20250212_POR_DEN", "line_values": [29.5]}""",
        ]);

        var run = await Cli.RunOkAsync("replay", "--requests", requests, "--data-dir", season.DataDir, "--json");

        Assert.Equal(6, run.Json.GetProperty("requests").GetInt64());
        Assert.Equal(3, run.Json.GetProperty("dead_lettered").GetInt64());
        Assert.Equal(3, run.Json.GetProperty("requests_completed").GetInt64());
        var deadLetters = Query("""
            SELECT request_id, reason_code FROM nba_predictions.dead_letter WHERE system_id IS NULL AND request_id LIKE 'requests.jsonl@%' ORDER BY request_id
            """).Select(r => $"{r[0]}={r[1]}").ToArray();
        string Id(int line) => JsonlFileRequestSource.MessageId(requests, line);
        Assert.Equal([$"{Id(2)}=malformed_json", $"{Id(4)}=no_features", $"{Id(5)}=invalid_line"], deadLetters);
        foreach (var (player, line) in new[] { ("lebron-james", 24.5), ("stephen-curry", 22.5), ("stephen-curry", 25.5), ("nikola-jokic", 29.5) })
        {
            var rows = Query($"""
                SELECT count(*) FROM nba_predictions.player_prop_predictions
                WHERE player_lookup = '{player}' AND game_date = DATE '2025-02-12' AND current_points_line = {line} AND request_id LIKE 'requests.jsonl@%'
                """);
            Assert.True(Convert.ToInt64(rows[0][0]) >= 4, $"{player} @ {line}: {rows[0][0]} predictions");
        }
    }

    [Fact]
    public async Task A_range_replay_across_the_all_star_break_predicts_each_game_day_and_can_publish_events_as_json_lines()
    {
        var run = await Cli.RunOkAsync("replay", "--from", "2025-02-13", "--to", "2025-02-20", "--events", "jsonl",
            "--data-dir", season.DataDir, "--json");

        var perDay = Query("""
            SELECT game_date, count(DISTINCT player_lookup) FROM nba_predictions.player_prop_predictions
            WHERE game_date BETWEEN DATE '2025-02-13' AND DATE '2025-02-20' GROUP BY 1 ORDER BY 1
            """);
        Assert.Equal([new DateOnly(2025, 2, 13), new DateOnly(2025, 2, 20)], perDay.Select(d => (DateOnly)d[0])); // no games 14-19
        Assert.All(perDay, day => Assert.True(Convert.ToInt64(day[1]) > 50));
        var events = File.ReadAllLines(Path.Combine(season.DataDir, "events", "prediction-ready.jsonl"));
        Assert.Equal(run.Json.GetProperty("requests_completed").GetInt64(), events.Length);
        Assert.All(events, line => Assert.Matches("\"request_id\":\"replay:2025-02-(13|20):", line));
    }
}
