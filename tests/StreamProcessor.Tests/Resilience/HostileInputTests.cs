using StreamProcessor.Stream.Sources;
using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Resilience;

[Collection(RealSeasonCollection.Name)]
public class HostileInputTests(RealSeasonFixture season)
{
    private const string Date = "2025-02-12";

    private static string Req(string player = "\"lebron-james\"", string date = "\"2025-02-12\"", string gameId = "\"20250212_LAL_UTA\"", string lines = "[24.5]") =>
        $$"""{"player_lookup": {{player}}, "game_date": {{date}}, "game_id": {{gameId}}, "line_values": {{lines}}}""";

    /// <summary>Each hostile payload with the reason it must be dead-lettered for.</summary>
    public static IReadOnlyList<(string Payload, string Reason)> Corpus { get; } =
    [
        ("""{"player_lookup": "lebron-james", "game_date": "2025-02-12", "game_id": """, "malformed_json"),
        ("""{"player_lookup": "lebron-james" "game_date": "2025-02-12"}""", "malformed_json"),
        ("null", "not_an_object"),
        ("[]", "not_an_object"),
        ("\"just a string\"", "not_an_object"),
        ("42", "not_an_object"),
        ("{}", "missing_field"),
        (Req(player: "null"), "missing_field"),
        (Req(player: "123"), "wrong_type"),
        (Req(player: "{\"name\": \"lebron\"}"), "wrong_type"),
        (Req(player: "\"\""), "invalid_player_lookup"),
        (Req(player: "\"LeBron James\""), "invalid_player_lookup"),
        (Req(player: "\"x'); DROP TABLE nba_predictions.player_prop_predictions; --\""), "invalid_player_lookup"),
        (Req(player: "\"lebron-james' OR '1'='1\""), "invalid_player_lookup"),
        (Req(player: "\"lebron\\u0000james\""), "invalid_player_lookup"),
        (Req(player: "\"bell\\u0007\\u001b[31mred\""), "invalid_player_lookup"),
        (Req(player: "\"łukasz-kowalski\""), "invalid_player_lookup"),
        (Req(player: "\"🏀-baller\""), "invalid_player_lookup"),
        (Req(player: "\"\\u202eseman-gnol\""), "invalid_player_lookup"),
        (Req(player: $"\"{new string('a', 65)}\""), "invalid_player_lookup"),
        (Req(player: $"\"{new string('x', 10 * 1024 * 1024)}\""), "payload_too_large"),
        (Req(date: "\"2025-02-30\"", gameId: "\"20250230_LAL_UTA\""), "invalid_game_date"),
        (Req(date: "\"1900-02-12\"", gameId: "\"19000212_LAL_UTA\""), "invalid_game_date"),
        (Req(date: "\"2100-02-12\"", gameId: "\"21000212_LAL_UTA\""), "invalid_game_date"),
        (Req(date: "\"12/02/2025\""), "invalid_game_date"),
        (Req(date: "20250212"), "wrong_type"),
        (Req(gameId: "\"LAL@UTA\""), "invalid_game_id"),
        (Req(gameId: "\"20250213_LAL_UTA\""), "invalid_game_id"),
        (Req(gameId: "\"20250212_LAL_LAL\""), "invalid_game_id"),
        (Req(lines: "[-5]"), "invalid_line"),
        (Req(lines: "[0]"), "invalid_line"),
        (Req(lines: "[1e308]"), "invalid_line"),
        (Req(lines: "[NaN]"), "malformed_json"),
        (Req(lines: "[\"24.5\"]"), "wrong_type"),
        (Req(lines: "[24.5, null]"), "wrong_type"),
        (Req(lines: "[]"), "invalid_line"),
        (Req(lines: "[" + string.Join(",", Enumerable.Repeat("20.5", 17)) + "]"), "invalid_line"),
        ("""{"player_lookup": "lebron-james", "game_date": "2025-02-12", "game_id": "20250212_LAL_UTA"}""", "missing_field"),
        ("""{"player_lookup": "lebron-james", "player_lookup": "stephen-curry", "game_date": "2025-02-12", "game_id": "20250212_LAL_UTA", "line_values": [24.5]}""", "duplicate_field"),
        (new string('[', 200) + new string(']', 200), "malformed_json"),
        (Req(player: "\"no-such-player\""), "no_features"),
    ];

    [Fact]
    public async Task Every_hostile_payload_is_dead_lettered_with_its_reason_while_every_valid_request_around_it_is_predicted()
    {
        using var scenario = new ResilienceScenario(season, "resilience:\n  retry:\n    base_delay_ms: 10\n");
        var valid = season.Players(Date, 10).Take(Corpus.Count + 1).ToArray();
        var lines = new List<string>();
        var path = scenario.RequestsPath();
        string Id(int line) => JsonlFileRequestSource.MessageId(path, line);
        var expected = new Dictionary<string, string>();
        var validIds = new List<string>();
        for (var i = 0; i < Corpus.Count; i++)
        {
            lines.Add(ResilienceScenario.Request(valid[i].Player, valid[i].GameId, 11.5));
            validIds.Add(Id(lines.Count));
            lines.Add(Corpus[i].Payload);
            expected[Id(lines.Count)] = Corpus[i].Reason;
        }
        lines.Add(ResilienceScenario.Request(valid[^1].Player, valid[^1].GameId, 11.5));
        validIds.Add(Id(lines.Count));

        var run = await scenario.StreamAsync("replay", "--requests", scenario.WriteRequests(lines));

        Assert.Equal(0, run.ExitCode);
        Assert.True(Corpus.Count >= 30);
        Assert.Equal(Corpus.Count, run.Json.GetProperty("dead_lettered").GetInt64());
        Assert.Equal(validIds.Count, run.Json.GetProperty("requests_completed").GetInt64());
        var recorded = scenario.Query("SELECT request_id, reason_code, length(raw_payload) FROM nba_predictions.dead_letter WHERE system_id IS NULL")
            .ToDictionary(r => (string)r[0], r => ((string)r[1], Convert.ToInt64(r[2])));
        foreach (var (id, reason) in expected)
        {
            Assert.True(recorded.TryGetValue(id, out var got), $"{id} ({reason}) was not dead-lettered");
            Assert.Equal((id, reason), (id, got.Item1));
            Assert.True(got.Item2 <= 4200, $"{id}: raw payload stored at {got.Item2} chars; it must be truncated");
        }
        var predicted = scenario.Query("SELECT DISTINCT request_id FROM nba_predictions.player_prop_predictions WHERE request_id LIKE 'requests.jsonl@%'")
            .Select(r => (string)r[0]).ToHashSet();
        Assert.All(validIds, id => Assert.Contains(id, predicted));
        // every request, good or bad, has its execution-log row
        Assert.Equal(lines.Count, scenario.Scalar("SELECT count(*) FROM nba_predictions.prediction_worker_runs WHERE request_id LIKE 'requests.jsonl@%'"));
    }
}
