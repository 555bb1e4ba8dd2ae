using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Resilience;

/// <summary>Read faults through the real binary: `replay` with --inject on the feature store, the smart-skip lookup and the breaker table.</summary>
[Collection(RealSeasonCollection.Name)]
public class ReadFaultTests(RealSeasonFixture season)
{
    private const string FastRetries = """
        pipeline:
          feature_batch_size: 32
        resilience:
          retry:
            base_delay_ms: 5
        """;

    private const string Keys = """
        SELECT count(*), count(DISTINCT (player_lookup, game_date, prop_type, system_id, current_points_line))
        FROM nba_predictions.player_prop_predictions WHERE game_date = DATE '2025-02-12'
        """;

    [Fact]
    public async Task Transient_feature_and_smart_skip_read_failures_are_retried_and_every_prediction_is_written_once()
    {
        using var scenario = new ResilienceScenario(season, FastRetries);

        var run = await scenario.StreamAsync("replay", "--date", "2025-02-12", "--inject", "features.transient=2,execution_log.transient=2");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, run.Json.GetProperty("unacknowledged").GetInt64());
        Assert.Equal(4, run.Json.GetProperty("retries").GetInt64());
        var written = run.Json.GetProperty("predictions_written").GetInt64();
        Assert.True(written > 1000);
        var keys = scenario.Query(Keys).Single();
        Assert.Equal(written, Convert.ToInt64(keys[0]));
        Assert.Equal(written, Convert.ToInt64(keys[1]));
    }

    [Fact]
    public async Task A_feature_store_that_stays_down_acknowledges_nothing_exits_1_and_the_rerun_writes_everything_once()
    {
        using var scenario = new ResilienceScenario(season, FastRetries);

        var broken = await scenario.StreamAsync("replay", "--date", "2025-02-12", "--inject", "features.permanent");

        Assert.Equal(1, broken.ExitCode);
        var requests = broken.Json.GetProperty("requests").GetInt64();
        Assert.Equal(requests, broken.Json.GetProperty("unacknowledged").GetInt64());
        Assert.Equal(0, broken.Json.GetProperty("acknowledged").GetInt64());
        Assert.Contains("injected permanent feature store failure", broken.Error);
        Assert.Equal(0, Convert.ToInt64(scenario.Query(Keys).Single()[0]));
        Assert.Equal(0, scenario.Scalar("SELECT count(*) FROM nba_predictions.dead_letter WHERE game_date = DATE '2025-02-12'"));

        var healed = await scenario.StreamAsync("replay", "--date", "2025-02-12");

        Assert.Equal(0, healed.ExitCode);
        Assert.Equal(requests, healed.Json.GetProperty("requests_completed").GetInt64());
        var keys = scenario.Query(Keys).Single();
        Assert.Equal(healed.Json.GetProperty("predictions_written").GetInt64(), Convert.ToInt64(keys[0]));
        Assert.Equal(Convert.ToInt64(keys[0]), Convert.ToInt64(keys[1]));
    }

    [Fact]
    public async Task A_breaker_table_that_stays_down_costs_nothing_but_its_persistence()
    {
        using var scenario = new ResilienceScenario(season, FastRetries);

        var run = await scenario.StreamAsync("replay", "--date", "2025-02-12", "--inject", "breakers.permanent,xgboost_v1.throw=1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(run.Json.GetProperty("requests").GetInt64(), run.Json.GetProperty("requests_completed").GetInt64());
        Assert.Equal(0, run.Json.GetProperty("unacknowledged").GetInt64());
        // Its breaker still opened after its 5th failure (one more may be in flight then) and skipped it from there on.
        var failures = run.Json.GetProperty("system_failures").GetProperty("xgboost_v1").GetInt64();
        var skips = run.Json.GetProperty("system_skips").GetProperty("xgboost_v1").GetInt64();
        Assert.InRange(failures, 5, 5 + 1);
        Assert.Equal(run.Json.GetProperty("requests").GetInt64(), failures + skips);
        Assert.Equal(0, scenario.Scalar("SELECT count(*) FROM nba_orchestration.circuit_breaker_state WHERE system_id LIKE 'xgboost_v1%'"));
    }
}
