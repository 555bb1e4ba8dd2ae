using StreamProcessor.Stream.Sources;
using StreamProcessor.Tests.Resilience;

namespace StreamProcessor.Tests.EndToEnd;

/// <summary>What makes two requests different work: the prop (and lines, feature and model version), and the file they came from.</summary>
[Collection(RealSeasonCollection.Name)]
public class RequestIdentityTests(RealSeasonFixture season)
{
    private static string LeBron(string prop, double line = 7.5) =>
        $$"""{"player_lookup": "lebron-james", "game_date": "2025-02-12", "game_id": "20250212_LAL_UTA", "line_values": [{{line}}], "prop_type": "{{prop}}"}""";

    [Fact]
    public async Task Two_props_at_one_line_in_separate_runs_are_both_predicted_and_the_same_prop_again_is_skipped()
    {
        using var scenario = new ResilienceScenario(season, "replay:\n  summary_rows: 10000\n");
        var a = scenario.WriteRequests([LeBron("assists")], "a.jsonl");
        var b = scenario.WriteRequests([LeBron("rebounds")], "b.jsonl");

        var assists = await scenario.StreamAsync("replay", "--requests", a);
        var rebounds = await scenario.StreamAsync("replay", "--requests", b);
        var again = await scenario.StreamAsync("replay", "--requests", b);

        Assert.Equal(5, assists.Json.GetProperty("predictions_written").GetInt64());
        Assert.Equal(5, rebounds.Json.GetProperty("predictions_written").GetInt64());
        Assert.Equal(0, again.Json.GetProperty("predictions_written").GetInt64());
        Assert.Equal(1, again.Json.GetProperty("skipped_by_reason").GetProperty("already_processed").GetInt64());
        Assert.Equal(["assists", "rebounds"], scenario.Query("""
            SELECT DISTINCT prop_type FROM nba_predictions.player_prop_predictions WHERE player_lookup = 'lebron-james' ORDER BY 1
            """).Select(r => (string)r[0]));
        // the execution log and the completion event say which prop, lines, feature and model version
        var runs = scenario.Query("""
            SELECT prop_type, line_values, feature_version, model_version, skip_reason FROM nba_predictions.prediction_worker_runs
            WHERE player_lookup = 'lebron-james' ORDER BY prop_type
            """);
        Assert.Equal(["assists", "rebounds"], runs.Select(r => (string)r[0]));
        Assert.All(runs, r => Assert.Equal([7.5], (List<double>)r[1]));
        Assert.All(runs, r => Assert.StartsWith("v", (string)r[2]));
        Assert.All(runs, r => Assert.StartsWith("xgboost_v1", (string)r[3]));
        Assert.Equal(["assists", "rebounds"], scenario.Query("""
            SELECT prop_type FROM nba_predictions.prediction_events WHERE player_lookup = 'lebron-james' ORDER BY prop_type
            """).Select(r => (string)r[0]));
        // a new line for the same prop is new work too
        var newLine = await scenario.StreamAsync("replay", "--requests", scenario.WriteRequests([LeBron("rebounds", 8.5)], "c.jsonl"));
        Assert.Equal(5, newLine.Json.GetProperty("predictions_written").GetInt64());

        // replay --date prints the day's table with both props at 7.5 (it used to throw on the shared line)
        var day = await scenario.StreamAsync("replay", "--date", "2025-02-12");
        Assert.True(day.ExitCode == 0, day.Error);
        var lebron = day.Output.Split('\n').Where(l => l.StartsWith("lebron-james ", StringComparison.Ordinal)).ToArray();
        Assert.Contains(lebron, l => l.Contains(" assists ") && l.Contains(" 7.5 "));
        Assert.Contains(lebron, l => l.Contains(" rebounds ") && l.Contains(" 7.5 "));
        Assert.Contains(lebron, l => l.Contains(" points "));
    }

    [Fact]
    public async Task Same_named_request_files_in_different_folders_keep_their_own_log_and_dead_letter_rows()
    {
        using var scenario = new ResilienceScenario(season, "");
        var first = Path.Combine(scenario.DataDir, "monday", "requests.jsonl");
        var second = Path.Combine(scenario.DataDir, "tuesday", "requests.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(first)!);
        Directory.CreateDirectory(Path.GetDirectoryName(second)!);
        await File.WriteAllLinesAsync(first, ["{not json", LeBron("points", 24.5)]);
        await File.WriteAllLinesAsync(second, ["""{"player_lookup": "nobody-at-all", "game_date": "2025-02-12", "game_id": "20250212_LAL_UTA", "line_values": [10.5]}""", LeBron("assists")]);

        await scenario.StreamAsync("replay", "--requests", first);
        await scenario.StreamAsync("replay", "--requests", second);

        Assert.NotEqual(JsonlFileRequestSource.MessageId(first, 1), JsonlFileRequestSource.MessageId(second, 1));
        var deadLetters = scenario.Query("SELECT request_id, reason_code FROM nba_predictions.dead_letter WHERE system_id IS NULL ORDER BY reason_code")
            .Select(r => $"{r[0]}={r[1]}");
        Assert.Equal([$"{JsonlFileRequestSource.MessageId(first, 1)}=malformed_json", $"{JsonlFileRequestSource.MessageId(second, 1)}=no_features"], deadLetters);
        var logged = scenario.Query("SELECT request_id FROM nba_predictions.prediction_worker_runs ORDER BY request_id").Select(r => (string)r[0]).ToHashSet();
        Assert.Equal(new[] { first, second }.SelectMany(f => new[] { JsonlFileRequestSource.MessageId(f, 1), JsonlFileRequestSource.MessageId(f, 2) }).ToHashSet(), logged);
        Assert.All(logged, id => Assert.StartsWith("requests.jsonl@", id));
    }
}
