using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Resilience;

[Collection(RealSeasonCollection.Name)]
public class SinkFaultTests(RealSeasonFixture season)
{
    private const string FastRetries = """
        pipeline:
          write_batch_size: 16
        resilience:
          retry:
            base_delay_ms: 5
        """;

    private const string Keys = """
        SELECT count(*), count(DISTINCT (player_lookup, game_date, system_id, current_points_line))
        FROM nba_predictions.player_prop_predictions WHERE game_date = DATE '2025-02-12'
        """;

    [Fact]
    public async Task A_sink_failing_transiently_twice_per_batch_still_writes_every_prediction_once()
    {
        using var scenario = new ResilienceScenario(season, FastRetries);

        var run = await scenario.StreamAsync("replay", "--date", "2025-02-12", "--inject", "sink.transient=2");

        Assert.Equal(0, run.ExitCode);
        var written = run.Json.GetProperty("predictions_written").GetInt64();
        Assert.True(written > 1000);
        Assert.Equal(0, run.Json.GetProperty("unacknowledged").GetInt64());
        Assert.True(run.Json.GetProperty("retries").GetInt64() >= 2 * (run.Json.GetProperty("requests").GetInt64() / 16));
        var keys = scenario.Query(Keys).Single();
        Assert.Equal(written, Convert.ToInt64(keys[0]));
        Assert.Equal(written, Convert.ToInt64(keys[1]));
    }

    [Fact]
    public async Task A_sink_failing_permanently_acknowledges_nothing_and_a_rerun_after_the_fault_clears_writes_everything_once()
    {
        using var scenario = new ResilienceScenario(season, FastRetries);

        var broken = await scenario.StreamAsync("replay", "--date", "2025-02-12", "--inject", "sink.permanent");

        Assert.Equal(1, broken.ExitCode);
        var requests = broken.Json.GetProperty("requests").GetInt64();
        Assert.Equal(requests, broken.Json.GetProperty("unacknowledged").GetInt64());
        Assert.Equal(0, broken.Json.GetProperty("acknowledged").GetInt64());
        Assert.Contains("NOT acknowledged", broken.Error);
        Assert.Equal(0, Convert.ToInt64(scenario.Query(Keys).Single()[0]));
        Assert.Equal(0, scenario.Scalar("SELECT count(*) FROM nba_predictions.prediction_events WHERE game_date = DATE '2025-02-12'"));

        var healed = await scenario.StreamAsync("replay", "--date", "2025-02-12");

        Assert.Equal(0, healed.ExitCode);
        Assert.Equal(requests, healed.Json.GetProperty("requests_completed").GetInt64());
        var written = healed.Json.GetProperty("predictions_written").GetInt64();
        var keys = scenario.Query(Keys).Single();
        Assert.Equal(written, Convert.ToInt64(keys[0]));
        Assert.Equal(written, Convert.ToInt64(keys[1]));
        Assert.Equal(requests, scenario.Scalar("SELECT count(*) FROM nba_predictions.prediction_events WHERE game_date = DATE '2025-02-12'"));
    }
}
