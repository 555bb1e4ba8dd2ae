using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Resilience;

[Collection(RealSeasonCollection.Name)]
public class CrashRecoveryTests(RealSeasonFixture season)
{
    // A small delay in one system stretches the replay to a few seconds, so there is a "mid-replay" to kill.
    private const string SlowConfig = """
        pipeline:
          write_batch_size: 16
          feature_batch_size: 32
        faults:
          systems:
            moving_average:
              delay_ms: 2
        """;

    private const string Rows = """
        SELECT player_lookup, game_date, system_id, current_points_line, predicted_points, confidence_score, recommendation
        FROM nba_predictions.player_prop_predictions WHERE game_date BETWEEN DATE '2025-02-01' AND DATE '2025-02-10' ORDER BY ALL
        """;

    [Fact]
    public async Task Kill_9_mid_replay_then_a_rerun_gives_the_rows_of_a_clean_run_with_nothing_lost_or_twice()
    {
        using var clean = new ResilienceScenario(season, SlowConfig);
        using var crashed = new ResilienceScenario(season, SlowConfig);
        string[] replay = ["replay", "--from", "2025-02-01", "--to", "2025-02-10"];

        var cleanRun = await clean.StreamAsync(replay);
        Assert.Equal(0, cleanRun.ExitCode);
        var requests = cleanRun.Json.GetProperty("requests").GetInt64();

        var ackLog = Path.Combine(crashed.DataDir, "acks", "replay-20250201-20250210.acks");
        using (var child = StreamProcess.Start([.. replay, "--data-dir", crashed.DataDir, "--config", crashed.ConfigPath]))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!child.HasExited && (!File.Exists(ackLog) || File.ReadAllLines(ackLog).Length < 200) && DateTime.UtcNow < deadline)
                await Task.Delay(20);
            Assert.False(child.HasExited, "the replay finished before it could be killed; nothing was tested");
            child.Kill(); // SIGKILL: no drain, no cleanup
            await child.WaitForExitAsync();
        }
        var acknowledgedBeforeCrash = File.ReadAllLines(ackLog).Length;
        Assert.InRange(acknowledgedBeforeCrash, 200, requests - 1);

        var rerun = await crashed.StreamAsync(replay);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(acknowledgedBeforeCrash, rerun.Json.GetProperty("resumed_already_acknowledged").GetInt64());
        Assert.Equal(requests - acknowledgedBeforeCrash, rerun.Json.GetProperty("requests").GetInt64());
        // the same rows as the clean run...
        Assert.Equal(clean.Query(Rows).Select(r => string.Join('|', r)), crashed.Query(Rows).Select(r => string.Join('|', r)));
        // ...with no key twice, and every request predicted (or dead-lettered) exactly once in the log
        Assert.Equal(0, crashed.Scalar("""
            SELECT count(*) - count(DISTINCT (player_lookup, game_date, system_id, current_points_line)) FROM nba_predictions.player_prop_predictions
            """));
        Assert.Equal(requests, crashed.Scalar("""
            SELECT count(DISTINCT request_id) FROM nba_predictions.prediction_worker_runs
            WHERE request_id LIKE 'replay:2025-02-%' AND skip_reason IS NULL
            """));
        Assert.Equal(requests, crashed.Scalar("SELECT count(*) FROM nba_predictions.prediction_events WHERE request_id LIKE 'replay:2025-02-%'"));
        Assert.False(File.Exists(ackLog), "a finished replay removes its ack log, so the next replay of these days starts afresh");
    }
}
