using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Resilience;

[Collection(RealSeasonCollection.Name)]
public class CircuitBreakerTests(RealSeasonFixture season)
{
    // One system call at a time, so "the 5th failure" is a well-defined request.
    private const string SequentialConfig = """
        pipeline:
          system_parallelism: 1
          feature_batch_size: 8
          write_batch_size: 8
        resilience:
          breaker:
            break_seconds: {0}
          retry:
            base_delay_ms: 10
        """;

    private string[] Requests(int count) =>
        season.Players("2025-02-12", 20).Take(count).Select(p => ResilienceScenario.Request(p.Player, p.GameId, 12.5)).ToArray();

    [Fact]
    public async Task A_failing_system_trips_its_breaker_after_five_failures_while_the_others_keep_predicting_and_a_success_after_the_break_closes_it()
    {
        using var scenario = new ResilienceScenario(season, string.Format(SequentialConfig, 4));
        var requests = scenario.WriteRequests(Requests(20));

        var faulty = await scenario.StreamAsync("replay", "--requests", requests, "--inject", "xgboost_v1.throw=1");

        Assert.Equal(0, faulty.ExitCode);
        Assert.Equal(20, faulty.Json.GetProperty("requests_completed").GetInt64());
        // the dead-letter table holds exactly the 5 failures and 15 skips of xgboost_v1
        var xgboost = scenario.Query("""
            SELECT request_id, reason_code FROM nba_predictions.dead_letter WHERE system_id = 'xgboost_v1'
            ORDER BY CAST(split_part(request_id, ':', 2) AS INTEGER)
            """);
        Assert.Equal(Enumerable.Repeat("system_error", 5).Concat(Enumerable.Repeat("circuit_open", 15)), xgboost.Select(r => (string)r[1]));
        Assert.Equal(0, scenario.Scalar("SELECT count(*) FROM nba_predictions.dead_letter WHERE system_id IS DISTINCT FROM 'xgboost_v1' AND reason_code IN ('system_error', 'circuit_open')"));
        // the other four systems produced for every request, before and after the breaker opened
        foreach (var system in new[] { "moving_average", "zone_matchup_v1", "ensemble_v1" })
            Assert.Equal(20, scenario.Scalar($"SELECT count(*) FROM nba_predictions.player_prop_predictions WHERE system_id = '{system}' AND request_id LIKE 'requests.jsonl:%'"));
        Assert.Equal(0, scenario.Scalar("SELECT count(*) FROM nba_predictions.player_prop_predictions WHERE system_id = 'xgboost_v1' AND request_id LIKE 'requests.jsonl:%'"));
        // the execution log marks the request that tripped it, and only that one
        var tripped = scenario.Query("SELECT request_id, circuits_opened FROM nba_predictions.prediction_worker_runs WHERE circuit_breaker_triggered");
        Assert.Equal("requests.jsonl:5", Assert.Single(tripped)[0]);
        Assert.Equal(15, scenario.Scalar("SELECT count(*) FROM nba_predictions.prediction_worker_runs WHERE list_contains(systems_skipped, 'xgboost_v1')"));
        var state = scenario.Query("SELECT state, failure_count, open_cause, len(last_failures) FROM nba_orchestration.circuit_breaker_state WHERE system_id = 'xgboost_v1'").Single();
        Assert.Equal(("OPEN", 5, "system_error", 5), ((string)state[0], Convert.ToInt32(state[1]), (string)state[2], Convert.ToInt32(state[3])));
        Assert.Equal(1, scenario.Scalar("SELECT count(*) FROM nba_predictions.active_circuit_breakers"));

        await Task.Delay(TimeSpan.FromSeconds(4.5)); // the test-short break
        var healed = await scenario.StreamAsync("replay", "--requests", requests, "--force");

        Assert.Equal(0, healed.ExitCode);
        Assert.Equal("CLOSED", scenario.Query("SELECT state FROM nba_orchestration.circuit_breaker_state WHERE system_id = 'xgboost_v1'").Single()[0]);
        Assert.Equal(20, scenario.Scalar("SELECT count(*) FROM nba_predictions.player_prop_predictions WHERE system_id = 'xgboost_v1' AND request_id LIKE 'requests.jsonl:%'"));
        Assert.Equal(0, scenario.Scalar("SELECT count(*) FROM nba_predictions.active_circuit_breakers"));
    }

    [Fact]
    public async Task An_open_breaker_stays_open_across_a_restart()
    {
        using var scenario = new ResilienceScenario(season, string.Format(SequentialConfig, 3600));
        var requests = scenario.WriteRequests(Requests(8));
        await scenario.StreamAsync("replay", "--requests", requests, "--inject", "xgboost_v1.throw=1");

        // a new process: everything is rebuilt from the warehouse, and xgboost_v1 is no longer faulty
        var restarted = await scenario.StreamAsync("replay", "--requests", requests, "--force");

        Assert.Equal(8, restarted.Json.GetProperty("system_skips").GetProperty("xgboost_v1").GetInt64());
        Assert.False(restarted.Json.GetProperty("system_successes").TryGetProperty("xgboost_v1", out _));
        Assert.Equal("OPEN", scenario.Query("SELECT state FROM nba_orchestration.circuit_breaker_state WHERE system_id = 'xgboost_v1'").Single()[0]);
    }

    [Fact]
    public async Task A_breaker_opened_for_missing_data_closes_as_soon_as_features_are_rebuilt()
    {
        // similarity starved of comparable games: every player needs more similar games than anyone has
        using var scenario = new ResilienceScenario(season, string.Format(SequentialConfig, 3600) + """

            systems:
              similarity:
                min_similar_games: 1000
            """);
        var requests = scenario.WriteRequests(Requests(8));
        var starved = await scenario.StreamAsync("replay", "--requests", requests);
        Assert.Equal(3, starved.Json.GetProperty("system_skips").GetProperty("similarity_balanced_v1").GetInt64());
        var open = scenario.Query("SELECT state, open_cause FROM nba_orchestration.circuit_breaker_state WHERE system_id = 'similarity_balanced_v1'").Single();
        Assert.Equal(("OPEN", "data_missing"), ((string)open[0], (string)open[1]));

        var rebuilt = await EndToEnd.Cli.RunOkAsync("features", "build", "--data-dir", scenario.DataDir, "--json");

        Assert.Equal(["similarity_balanced_v1"], rebuilt.Json.GetProperty("breakers_reset").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("CLOSED", scenario.Query("SELECT state FROM nba_orchestration.circuit_breaker_state WHERE system_id = 'similarity_balanced_v1'").Single()[0]);
        // with the data there (and the normal configuration) it predicts at once, without waiting out the hour
        var after = await EndToEnd.Cli.RunOkAsync("replay", "--requests", requests, "--force", "--data-dir", scenario.DataDir, "--json");
        Assert.Equal(8, after.Json.GetProperty("system_successes").GetProperty("similarity_balanced_v1").GetInt64());
    }
}
