using StreamProcessor.Systems.Features;
using Xunit.Abstractions;
using Xunit;

namespace StreamProcessor.Tests.Features;

public class RealSeasonFeatureTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<PlayerFeatures>> Rows = new(() => FeatureBuilder.Build(FeatureTestData.RealSeason));

    [Fact]
    public void One_row_per_box_score()
    {
        Assert.Equal(19_036, FeatureTestData.RealSeason.Count);
        Assert.Equal(19_036, Rows.Value.Count);
        Assert.Equal(Rows.Value.Count, Rows.Value.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public void Every_feature_is_present_for_established_players()
    {
        var established = Rows.Value.Where(r => r[Feature.GamesPlayed] >= 10).ToList();
        Assert.True(established.Count > 10_000);

        foreach (var feature in FeatureCatalog.All)
        {
            var present = established.Count(r => r.Has(feature)) / (double)established.Count;
            output.WriteLine($"{feature.ColumnName(),-22} present {present:P2}");
            Assert.True(present > 0.90, $"{feature.ColumnName()} present for only {present:P1} of rows with 10+ games");
        }

        var complete = established.Count(r => r.QualityScore == 100) / (double)established.Count;
        output.WriteLine($"quality 100: {complete:P2}");
        Assert.True(complete > 0.85, $"only {complete:P1} of rows with 10+ games have every feature");
    }

    /// <summary>
    /// The data README's naive baselines for February 2025 (player games with 10+ earlier games):
    /// matching them to three decimals ties season, last-10 and EWMA to the documented definitions.
    /// </summary>
    [Theory]
    [InlineData(Feature.PointsAvgSeason, 4.786)]
    [InlineData(Feature.PointsAvgLast10, 4.841)]
    [InlineData(Feature.PointsEwma, 4.739)]
    public void Naive_baselines_match_the_data_readme(Feature feature, double expectedMae)
    {
        var points = FeatureTestData.RealSeason.ToDictionary(g => (g.PlayerLookup, g.GameDate), g => g.Points);
        var february = Rows.Value
            .Where(r => r.GameDate >= new DateOnly(2025, 2, 1) && r.GameDate <= new DateOnly(2025, 2, 28))
            .Where(r => r[Feature.GamesPlayed] >= 10)
            .ToList();

        Assert.Equal(3_527, february.Count);
        var mae = february.Average(r => Math.Abs(points[(r.PlayerLookup, r.GameDate)] - r[feature]));
        Assert.Equal(expectedMae, mae, 0.0005);
    }

    [Fact]
    public void Values_stay_in_plausible_ranges()
    {
        foreach (var row in Rows.Value)
        {
            foreach (var feature in new[] { Feature.ShareTwoPoint, Feature.ShareThreePoint, Feature.ShareFreeThrow,
                         Feature.FieldGoalPctSeason, Feature.ThreePointPctSeason, Feature.FreeThrowPctSeason })
                Assert.True(!row.Has(feature) || row[feature] is >= 0 and <= 1, $"{row.Key} {feature} = {row[feature]}");
            foreach (var feature in new[] { Feature.OpponentDefRatingRel, Feature.OpponentPaceRel, Feature.TeamPaceRel })
                Assert.True(!row.Has(feature) || row[feature] is > 0.6 and < 1.6, $"{row.Key} {feature} = {row[feature]}");
            Assert.True(!row.Has(Feature.DaysRest) || row[Feature.DaysRest] is >= 1 and <= 10);
        }
    }
}
