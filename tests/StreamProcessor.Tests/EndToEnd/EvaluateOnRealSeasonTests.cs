using System.Text.Json;

namespace StreamProcessor.Tests.EndToEnd;

/// <summary>
/// The backtest of February 2025 with models, ensemble weights and probability curves fitted only on games before
/// 2025-02-01 (the fixture's <c>model train --until 2025-02-01</c>); nothing here was tuned on February.
/// </summary>
[Collection(RealSeasonCollection.Name)]
public class EvaluateOnRealSeasonTests(RealSeasonFixture season)
{
    private async Task<JsonElement> Prop(string prop) => (await season.February).GetProperty("props").GetProperty(prop);

    [Fact]
    public async Task Every_system_reports_every_metric()
    {
        var points = await Prop("points");

        var n = points.GetProperty("n").GetInt32();
        Assert.InRange(n, 3000, 4000); // the data README counts 3,527 such player-games
        foreach (var id in new[] { "moving_average", "zone_matchup_v1", "similarity_balanced_v1", "xgboost_v1", "ensemble_v1" })
        {
            var system = points.GetProperty("systems").GetProperty(id);
            Assert.True(system.GetProperty("n").GetInt32() > 0, id);
            foreach (var metric in new[] { "mae", "rmse", "bias", "brier", "hit_rate" })
                Assert.Equal(JsonValueKind.Number, system.GetProperty(metric).ValueKind);
            foreach (var count in new[] { "picks", "n_conf60", "n_conf70" })
                Assert.Equal(JsonValueKind.Number, system.GetProperty(count).ValueKind);
            Assert.Equal(10, system.GetProperty("reliability").GetArrayLength());
            Assert.Equal(5, system.GetProperty("mae_by_minutes").EnumerateObject().Count());
        }
        foreach (var baseline in new[] { "season_avg", "last10", "ewma" })
            Assert.Equal(JsonValueKind.Number, points.GetProperty("baselines").GetProperty(baseline).GetProperty("brier").ValueKind);
        // A system whose probabilities never leave 0.4-0.6 has no confident rows: its hit rate there is null, its count 0.
        foreach (var id in new[] { "xgboost_v1", "ensemble_v1" })
        {
            var system = points.GetProperty("systems").GetProperty(id);
            Assert.True(system.GetProperty("n_conf60").GetInt32() > 100, id);
            Assert.True(system.GetProperty("hit_rate_conf60").GetDouble() > 0.6, id);
        }
    }

    [Fact]
    public async Task Points_meet_the_issue_bar_on_the_same_rows()
    {
        var points = await Prop("points");
        var systems = points.GetProperty("systems");
        var ensemble = systems.GetProperty("ensemble_v1");
        var xgboost = systems.GetProperty("xgboost_v1");

        var ensembleMae = ensemble.GetProperty("mae").GetDouble();
        Assert.True(ensembleMae <= 4.62, $"ensemble_v1 MAE {ensembleMae}");
        var xgboostMae = xgboost.GetProperty("mae").GetDouble();
        var ewmaSameRows = xgboost.GetProperty("baselines_same_rows").GetProperty("ewma").GetProperty("mae").GetDouble();
        Assert.True(xgboostMae < ewmaSameRows, $"xgboost_v1 MAE {xgboostMae} vs EWMA {ewmaSameRows} on the same rows");
        var brier = ensemble.GetProperty("brier").GetDouble();
        Assert.True(brier < 0.245, $"ensemble Brier {brier}");
        foreach (var baseline in new[] { "season_avg", "last10", "ewma" })
        {
            var sameRows = ensemble.GetProperty("baselines_same_rows").GetProperty(baseline).GetProperty("mae").GetDouble();
            Assert.True(ensembleMae < sameRows, $"ensemble MAE {ensembleMae} is not below {baseline}'s {sameRows} on the same rows");
        }
    }

    [Fact]
    public async Task The_baselines_match_the_data_readme_so_the_features_mean_what_they_say()
    {
        // ../shared/data/README.md: season-to-date 4.786, last-10 4.841, EWMA 4.739 on n = 3,527.
        var baselines = (await Prop("points")).GetProperty("baselines");

        Assert.Equal(4.786, baselines.GetProperty("season_avg").GetProperty("mae").GetDouble(), 0.01);
        Assert.Equal(4.841, baselines.GetProperty("last10").GetProperty("mae").GetDouble(), 0.01);
        Assert.Equal(4.739, baselines.GetProperty("ewma").GetProperty("mae").GetDouble(), 0.01);
    }

    [Theory]
    [InlineData("rebounds")]
    [InlineData("assists")]
    public async Task Rebounds_and_assists_beat_their_own_ewma(string prop)
    {
        var json = await Prop(prop);
        Assert.Equal(prop, json.GetProperty("prop_type").GetString());
        foreach (var id in new[] { "xgboost_v1", "ensemble_v1" })
        {
            var system = json.GetProperty("systems").GetProperty(id);
            var mae = system.GetProperty("mae").GetDouble();
            var ewma = system.GetProperty("baselines_same_rows").GetProperty("ewma").GetProperty("mae").GetDouble();
            Assert.True(mae < ewma, $"{prop} {id} MAE {mae} vs its EWMA {ewma}");
        }
    }

    [Fact]
    public async Task The_report_is_an_html_page_whose_images_exist_and_are_pngs()
    {
        var json = await season.February;
        var index = json.GetProperty("report").GetString()!;
        var html = await File.ReadAllTextAsync(index);

        var images = System.Text.RegularExpressions.Regex.Matches(html, "<img src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(16, images.Length); // four plots for each of the four props
        foreach (var kind in new[] { "predicted_vs_actual", "mae_by_system", "reliability", "error_by_minutes" })
            Assert.Contains(images, i => i.StartsWith(kind, StringComparison.Ordinal));
        foreach (var image in images)
        {
            var path = Path.Combine(Path.GetDirectoryName(index)!, image);
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.True(bytes.Length > 10_000, $"{image} is only {bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }
    }
}
