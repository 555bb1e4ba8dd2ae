using System.Text.Json;

namespace StreamProcessor.Tests.EndToEnd;

public class EvaluateOnRealSeasonTests(RealSeasonFixture season) : IClassFixture<RealSeasonFixture>
{
    [Fact]
    public async Task The_ensemble_beats_every_naive_baseline_in_february_on_the_same_rows()
    {
        var run = await Cli.RunOkAsync("evaluate", "--from", "2025-02-01", "--to", "2025-02-28", "--data-dir", season.DataDir, "--json");
        var json = run.Json;

        var n = json.GetProperty("n").GetInt32();
        Assert.InRange(n, 3000, 4000); // the data README counts 3,527 such player-games
        var systems = json.GetProperty("systems");
        foreach (var id in new[] { "moving_average", "zone_matchup_v1", "similarity_balanced_v1", "xgboost_v1", "ensemble_v1" })
        {
            var system = systems.GetProperty(id);
            Assert.True(system.GetProperty("n").GetInt32() > 0, id);
            foreach (var metric in new[] { "mae", "rmse", "bias", "hit_rate" })
                Assert.Equal(JsonValueKind.Number, system.GetProperty(metric).ValueKind);
        }

        var ensemble = systems.GetProperty("ensemble_v1");
        var ensembleMae = ensemble.GetProperty("mae").GetDouble();
        foreach (var baseline in new[] { "season_avg", "last10", "ewma" })
        {
            var sameRows = ensemble.GetProperty("baselines_same_rows").GetProperty(baseline).GetProperty("mae").GetDouble();
            Assert.True(ensembleMae < sameRows, $"ensemble MAE {ensembleMae} is not below {baseline}'s {sameRows} on the same rows");
            Assert.True(json.GetProperty("baselines").GetProperty(baseline).GetProperty("mae").GetDouble() > 0);
        }
    }

    [Fact]
    public async Task The_baselines_match_the_data_readme_so_the_features_mean_what_they_say()
    {
        // ../shared/data/README.md: season-to-date 4.786, last-10 4.841, EWMA 4.739 on n = 3,527.
        var run = await Cli.RunOkAsync("evaluate", "--from", "2025-02-01", "--to", "2025-02-28", "--data-dir", season.DataDir, "--json");
        var baselines = run.Json.GetProperty("baselines");

        Assert.Equal(4.786, baselines.GetProperty("season_avg").GetProperty("mae").GetDouble(), 0.01);
        Assert.Equal(4.841, baselines.GetProperty("last10").GetProperty("mae").GetDouble(), 0.01);
        Assert.Equal(4.739, baselines.GetProperty("ewma").GetProperty("mae").GetDouble(), 0.01);
    }
}
