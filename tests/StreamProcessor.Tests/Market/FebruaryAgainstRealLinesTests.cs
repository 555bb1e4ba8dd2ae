using System.Text.Json;
using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Market;

/// <summary>
/// The bars of the real-lines issue, measured as a user would: the shared lines loaded, the model trained until
/// 2025-02-01 (its market-aware stacks on the lines before that day only), February evaluated against the books.
/// </summary>
[Collection(RealSeasonCollection.Name)]
public class FebruaryAgainstRealLinesTests(RealSeasonFixture season)
{
    [Fact]
    public async Task In_February_the_ensemble_is_no_worse_calibrated_than_the_market_and_its_picks_do_not_lose_or_are_rare()
    {
        using var data = season.CopyDataDir();
        await EndToEnd.Cli.RunOkAsync("data", "load", "--lines", TestData.PropLinesCsv, "--data-dir", data.Path);
        var trained = await EndToEnd.Cli.RunOkAsync("model", "train", "--until", "2025-02-01", "--data-dir", data.Path, "--json");
        Assert.EndsWith("+market@2024-10-22..2025-01-31", trained.Json.GetProperty("model_version").GetString());

        var run = await EndToEnd.Cli.RunOkAsync("evaluate", "--from", "2025-02-01", "--to", "2025-02-28", "--prop", "all", "--data-dir", data.Path, "--json");

        foreach (var (prop, maxMae) in new[] { ("points", 5.0), ("threes", 1.15), ("rebounds", 2.3), ("assists", 1.5) })
        {
            var lines = run.Json.GetProperty("props").GetProperty(prop).GetProperty("real_lines");
            var ensemble = lines.GetProperty("systems").GetProperty("ensemble_v1");
            var market = lines.GetProperty("systems").GetProperty("market");
            var n = ensemble.GetProperty("n").GetInt32();
            Assert.True(n > 500, $"{prop}: only {n} February player-games with a real line");
            Assert.Equal(market.GetProperty("brier").GetDouble(), ensemble.GetProperty("market_brier").GetDouble(), 6); // same rows
            Assert.True(ensemble.GetProperty("mae").GetDouble() <= maxMae, $"{prop}: ensemble MAE {ensemble.GetProperty("mae")}");
            Assert.Equal(0, market.GetProperty("picks").GetInt32()); // at its own price the market has no edge
            if (prop is not ("points" or "threes")) continue; // rebounds and assists are reported, not held to the bars

            Assert.True(ensemble.GetProperty("brier").GetDouble() <= ensemble.GetProperty("market_brier").GetDouble(),
                $"{prop}: ensemble Brier {ensemble.GetProperty("brier")} above the market's {ensemble.GetProperty("market_brier")}");
            var picks = ensemble.GetProperty("picks").GetInt32();
            var roi = ensemble.GetProperty("roi");
            Assert.True(picks < 0.03 * n || roi.ValueKind == JsonValueKind.Number && roi.GetDouble() >= 0,
                $"{prop}: {picks} picks of {n} at ROI {roi}");
        }
    }
}
