using StreamProcessor.Stream.Sources;
using StreamProcessor.Systems.Prediction.Systems;
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
            Assert.Equal(20, scenario.Scalar($"SELECT count(*) FROM nba_predictions.player_prop_predictions WHERE system_id = '{system}' AND request_id LIKE 'requests.jsonl@%'"));
        Assert.Equal(0, scenario.Scalar("SELECT count(*) FROM nba_predictions.player_prop_predictions WHERE system_id = 'xgboost_v1' AND request_id LIKE 'requests.jsonl@%'"));
        // the execution log marks the request that tripped it, and only that one
        var tripped = scenario.Query("SELECT request_id, circuits_opened FROM nba_predictions.prediction_worker_runs WHERE circuit_breaker_triggered");
        Assert.Equal(JsonlFileRequestSource.MessageId(requests, 5), Assert.Single(tripped)[0]);
        Assert.Equal(15, scenario.Scalar("SELECT count(*) FROM nba_predictions.prediction_worker_runs WHERE list_contains(systems_skipped, 'xgboost_v1')"));
        var state = scenario.Query("SELECT state, failure_count, open_cause, len(last_failures) FROM nba_orchestration.circuit_breaker_state WHERE system_id = 'xgboost_v1'").Single();
        Assert.Equal(("OPEN", 5, "system_error", 5), ((string)state[0], Convert.ToInt32(state[1]), (string)state[2], Convert.ToInt32(state[3])));
        Assert.Equal(1, scenario.Scalar("SELECT count(*) FROM nba_predictions.active_circuit_breakers"));

        await Task.Delay(TimeSpan.FromSeconds(4.5)); // the test-short break
        var healed = await scenario.StreamAsync("replay", "--requests", requests, "--force");

        Assert.Equal(0, healed.ExitCode);
        Assert.Equal("CLOSED", scenario.Query("SELECT state FROM nba_orchestration.circuit_breaker_state WHERE system_id = 'xgboost_v1'").Single()[0]);
        Assert.Equal(20, scenario.Scalar("SELECT count(*) FROM nba_predictions.player_prop_predictions WHERE system_id = 'xgboost_v1' AND request_id LIKE 'requests.jsonl@%'"));
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
    public async Task Rookies_declined_for_too_little_history_do_not_open_the_similarity_breaker_for_the_veterans_after_them()
    {
        using var scenario = new ResilienceScenario(season, string.Format(SequentialConfig, 1800));
        // twelve players in their second game of the season, then forty veterans of 2025-02-13, in one run
        var rookies = WarehouseQuery.Rows(Path.Combine(season.DataDir, "warehouse.duckdb"), """
            SELECT player_lookup, game_id FROM nba_predictions.ml_feature_store_v2 WHERE games_played = 1 ORDER BY game_date, player_lookup LIMIT 12
            """).Select(r => ResilienceScenario.Request((string)r[0], (string)r[1], 8.5)).ToArray();
        var veterans = season.Players("2025-02-13", 20).Take(40).ToArray();
        var requests = scenario.WriteRequests([.. rookies, .. veterans.Select(p => ResilienceScenario.Request(p.Player, p.GameId, 12.5))]);

        var run = await scenario.StreamAsync("replay", "--requests", requests);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(52, run.Json.GetProperty("requests_completed").GetInt64());
        var similarity = scenario.Query($"""
            SELECT reason_code, count(*) FROM nba_predictions.dead_letter WHERE system_id = '{SystemIds.Similarity}' GROUP BY 1
            """).ToDictionary(r => (string)r[0], r => Convert.ToInt64(r[1]));
        Assert.True(similarity.GetValueOrDefault("insufficient_history") >= 12, $"the rookies were not declined: {string.Join(", ", similarity)}");
        Assert.False(similarity.ContainsKey("circuit_open"), $"similarity was skipped by its breaker {similarity.GetValueOrDefault("circuit_open")} times");
        Assert.False(run.Json.GetProperty("system_skips").TryGetProperty(SystemIds.Similarity, out _));
        // every veteran similarity could predict, it predicted: a veteran without a prediction has a decline of its own
        var veteransPredicted = scenario.Scalar($"""
            SELECT count(DISTINCT player_lookup) FROM nba_predictions.player_prop_predictions
            WHERE system_id = '{SystemIds.Similarity}' AND game_date = DATE '2025-02-13'
            """);
        var veteransDeclined = scenario.Scalar($"""
            SELECT count(DISTINCT player_lookup) FROM nba_predictions.dead_letter
            WHERE system_id = '{SystemIds.Similarity}' AND game_date = DATE '2025-02-13' AND reason_code = 'insufficient_history'
            """);
        Assert.Equal(40, veteransPredicted + veteransDeclined);
        Assert.True(veteransPredicted >= 30, $"similarity predicted only {veteransPredicted} of 40 veterans");
        Assert.Equal(0, scenario.Scalar("SELECT count(*) FROM nba_orchestration.circuit_breaker_state WHERE state <> 'CLOSED'"));
    }

    [Fact]
    public async Task A_missing_threes_model_opens_the_threes_breaker_of_xgboost_only_and_training_the_model_closes_it()
    {
        using var scenario = new ResilienceScenario(season, string.Format(SequentialConfig, 3600));
        File.Delete(Path.Combine(scenario.DataDir, "models", "xgboost_v1_threes.zip"));
        string Prop(string request, string prop) => request.Replace("}", $", \"prop_type\": \"{prop}\"}}");
        var players = Requests(8);
        var threes = scenario.WriteRequests(players.Select(r => Prop(r, "threes")), "threes.jsonl");
        var mixed = scenario.WriteRequests([.. players.Select(r => Prop(r, "threes")), .. players], "mixed.jsonl");

        var run = await scenario.StreamAsync("replay", "--requests", mixed);

        Assert.Equal(0, run.ExitCode);
        // points: xgboost predicts every one, after the threes breaker opened
        Assert.Equal(8, scenario.Scalar("SELECT count(*) FROM nba_predictions.player_prop_predictions WHERE system_id = 'xgboost_v1' AND prop_type = 'points'"));
        var reasons = scenario.Query("""
            SELECT reason_code FROM nba_predictions.dead_letter WHERE system_id = 'xgboost_v1'
            ORDER BY CAST(split_part(request_id, ':', 2) AS INTEGER)
            """).Select(r => (string)r[0]);
        Assert.Equal([.. Enumerable.Repeat("model_unavailable", 5), .. Enumerable.Repeat("circuit_open", 3)], reasons);
        var breakers = scenario.Query("SELECT system_id, prop_type, state, open_cause FROM nba_orchestration.circuit_breaker_state WHERE state <> 'CLOSED'");
        Assert.Equal(("xgboost_v1", "threes", "OPEN", "data_missing"), ((string)breakers.Single()[0], (string)breakers.Single()[1], (string)breakers.Single()[2], (string)breakers.Single()[3]));
        Assert.Equal("threes", scenario.Query("SELECT prop_type FROM nba_predictions.active_circuit_breakers").Single()[0]);

        // auto-reset: the missing model arrives, and the breaker closes without waiting out its hour
        var trained = await EndToEnd.Cli.RunOkAsync("model", "train", "--until", "2025-02-01", "--data-dir", scenario.DataDir, "--json");

        Assert.Equal(["xgboost_v1/threes"], trained.Json.GetProperty("breakers_reset").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, scenario.Scalar("SELECT count(*) FROM nba_orchestration.circuit_breaker_state WHERE state <> 'CLOSED'"));
        var after = await scenario.StreamAsync("replay", "--requests", threes);
        Assert.Equal(8, after.Json.GetProperty("system_successes").GetProperty("xgboost_v1").GetInt64());
    }

    [Fact]
    public async Task A_breaker_opened_for_missing_data_closes_as_soon_as_features_are_rebuilt()
    {
        // xgboost_v1 without its threes model: a missing model is missing data (open_cause data_missing)
        using var scenario = new ResilienceScenario(season, string.Format(SequentialConfig, 3600));
        File.Delete(Path.Combine(scenario.DataDir, "models", "xgboost_v1_threes.zip"));
        var requests = scenario.WriteRequests(Requests(8).Select(r => r.Replace("}", ", \"prop_type\": \"threes\"}")));
        var starved = await scenario.StreamAsync("replay", "--requests", requests);
        Assert.Equal(3, starved.Json.GetProperty("system_skips").GetProperty("xgboost_v1").GetInt64());
        var open = scenario.Query("SELECT state, open_cause FROM nba_orchestration.circuit_breaker_state WHERE system_id = 'xgboost_v1' AND prop_type = 'threes'").Single();
        Assert.Equal(("OPEN", "data_missing"), ((string)open[0], (string)open[1]));

        var rebuilt = await EndToEnd.Cli.RunOkAsync("features", "build", "--data-dir", scenario.DataDir, "--json");

        Assert.Equal(["xgboost_v1/threes"], rebuilt.Json.GetProperty("breakers_reset").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("CLOSED", scenario.Query("SELECT state FROM nba_orchestration.circuit_breaker_state WHERE system_id = 'xgboost_v1' AND prop_type = 'threes'").Single()[0]);
    }
}
