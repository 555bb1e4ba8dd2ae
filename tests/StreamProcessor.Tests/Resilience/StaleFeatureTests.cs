using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Resilience;

[Collection(RealSeasonCollection.Name)]
public class StaleFeatureTests(RealSeasonFixture season)
{
    [Fact]
    public async Task A_request_whose_features_are_older_than_the_limit_is_dead_lettered_as_stale_and_a_fresh_one_is_predicted()
    {
        using var scenario = new ResilienceScenario(season, """
            validation:
              max_feature_age_hours: 24
            """);
        var players = scenario.Query("""
            SELECT player_lookup, game_id, game_date FROM nba_predictions.ml_feature_store_v2
            WHERE game_date IN (DATE '2025-02-11', DATE '2025-02-12') ORDER BY game_date, player_lookup
            """);
        var stale = players.First(p => (DateOnly)p[2] == new DateOnly(2025, 2, 11));
        var fresh = players.First(p => (DateOnly)p[2] == new DateOnly(2025, 2, 12));
        scenario.Query("UPDATE nba_predictions.ml_feature_store_v2 SET computed_at = now() - INTERVAL 30 HOUR WHERE game_date = DATE '2025-02-11'");
        var requests = scenario.WriteRequests([
            ResilienceScenario.Request((string)stale[0], (string)stale[1], 10.5),
            ResilienceScenario.Request((string)fresh[0], (string)fresh[1], 10.5),
        ], "stale.jsonl");

        var run = await scenario.StreamAsync("replay", "--requests", requests);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, run.Json.GetProperty("requests_completed").GetInt64());
        Assert.Equal(1, run.Json.GetProperty("dead_letters_by_reason").GetProperty("stale_features").GetInt64());
        var deadLetter = scenario.Query("SELECT request_id, player_lookup, message FROM nba_predictions.dead_letter WHERE reason_code = 'stale_features'").Single();
        var staleId = (string)deadLetter[0];
        Assert.Matches(@"^stale\.jsonl@[0-9a-f]{8}:1$", staleId); // the file's line 1, its id told apart from same-named files elsewhere
        Assert.Equal((string)stale[0], (string)deadLetter[1]);
        var freshId = staleId[..^1] + "2";
        Assert.Contains("computed 30 h ago; the limit is 24 h", (string)deadLetter[2]);
        Assert.Equal(0, scenario.Scalar($"SELECT count(*) FROM nba_predictions.player_prop_predictions WHERE request_id = '{staleId}'"));
        Assert.True(scenario.Scalar($"SELECT count(*) FROM nba_predictions.player_prop_predictions WHERE request_id = '{freshId}'") >= 4);
    }
}
