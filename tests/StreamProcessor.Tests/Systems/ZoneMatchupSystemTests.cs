using Xunit;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Systems;
using StreamProcessor.Systems.Prediction.Systems.ZoneMatchup;

namespace StreamProcessor.Tests.Systems;

public class ZoneMatchupSystemTests
{
    private static readonly double MadPerStd = Math.Sqrt(2 / Math.PI);
    private readonly ZoneMatchupSystem _system = new();

    [Fact]
    public void Scales_each_zone_by_the_shrunk_opponent_factor_and_blends_with_recent_form()
    {
        var input = new FeaturesBuilder()
            .With(Feature.PointsAvgSeason, 20).With(Feature.PointsAvgLast10, 24).With(Feature.PointsStdLast10, 6)
            .With(Feature.GamesPlayed, 20)
            .With(Feature.ShareTwoPoint, 0.5).With(Feature.ShareThreePoint, 0.3).With(Feature.ShareFreeThrow, 0.2)
            .With(Feature.OpponentTwoPointAllowedRel, 1.2).With(Feature.OpponentThreePointAllowedRel, 0.9)
            .Input();

        var p = Assert.IsType<SystemPrediction>(_system.Predict(input));

        // factors, shrunk halfway to 1: 2pt 1 + 0.5*0.2 = 1.1; 3pt 1 + 0.5*(-0.1) = 0.95; ft missing -> 1
        // zone-adjusted = 20 * (0.5*1.1 + 0.3*0.95 + 0.2*1) = 20 * 1.035 = 20.7
        // blend = 0.7*20.7 + 0.3*24 = 14.49 + 7.2 = 21.69
        Assert.Equal(21.69, p.PredictedPoints, 1e-9);
        // sample = 20/20 = 1; consistency = 1 - 6/20 = 0.7; coverage = 2/3
        Assert.Equal(MadPerStd * 6, p.ExpectedError!.Value, 1e-9);
        Assert.Equal(SystemIds.ZoneMatchup, p.SystemId);
    }

    [Fact]
    public void Without_shrinkage_or_recent_form_it_is_the_zone_adjusted_season_average()
    {
        var system = new ZoneMatchupSystem(new ZoneMatchupOptions { ShrinkStrength = 0 });
        var input = new FeaturesBuilder()
            .With(Feature.PointsAvgSeason, 10)
            .With(Feature.ShareTwoPoint, 0.6).With(Feature.ShareThreePoint, 0.4).With(Feature.ShareFreeThrow, 0)
            .With(Feature.OpponentTwoPointAllowedRel, 1.1).With(Feature.OpponentThreePointAllowedRel, 0.8)
            .With(Feature.OpponentFreeThrowAllowedRel, 1.5)
            .Input();

        var p = Assert.IsType<SystemPrediction>(system.Predict(input));

        // 10 * (0.6*1.1 + 0.4*0.8 + 0*1.5) = 10 * (0.66 + 0.32) = 9.8; no last-10 average: season part alone
        Assert.Equal(9.8, p.PredictedPoints, 1e-9);
        // sample 0 (games unknown); consistency 0.5 (spread unknown); coverage 3/3 = 1
        // spread unknown: 30 % of the prediction = 2.94
        Assert.Equal(2.94, p.ExpectedError!.Value, 1e-9);
    }

    [Fact]
    public void Renormalises_shares_that_do_not_sum_to_one()
    {
        var system = new ZoneMatchupSystem(new ZoneMatchupOptions { ShrinkStrength = 0 });
        var input = new FeaturesBuilder()
            .With(Feature.PointsAvgSeason, 10)
            .With(Feature.ShareTwoPoint, 0.5).With(Feature.ShareThreePoint, 0.5).With(Feature.ShareFreeThrow, 0.25)
            .With(Feature.OpponentTwoPointAllowedRel, 1.2)
            .Input();

        var p = Assert.IsType<SystemPrediction>(system.Predict(input));

        // shares / 1.25 = 0.4, 0.4, 0.2; 10 * (0.4*1.2 + 0.4*1 + 0.2*1) = 10 * 1.08 = 10.8
        Assert.Equal(10.8, p.PredictedPoints, 1e-9);
    }

    [Fact]
    public void Fails_with_missing_features_without_a_season_average()
    {
        var input = new FeaturesBuilder()
            .With(Feature.PointsAvgLast10, 20)
            .With(Feature.ShareTwoPoint, 0.5).With(Feature.ShareThreePoint, 0.3).With(Feature.ShareFreeThrow, 0.2)
            .Input();

        var failure = Assert.IsType<SystemFailure>(_system.Predict(input));

        Assert.Equal(FailureReason.MissingFeatures, failure.Reason);
        Assert.Contains("pts_avg_season", failure.Message);
    }

    [Fact]
    public void Fails_with_missing_features_without_the_zone_shares()
    {
        var input = new FeaturesBuilder()
            .With(Feature.PointsAvgSeason, 20).With(Feature.ShareTwoPoint, 0.5)
            .Input();

        var failure = Assert.IsType<SystemFailure>(_system.Predict(input));

        Assert.Equal(FailureReason.MissingFeatures, failure.Reason);
        Assert.Contains("share_pts_3pt", failure.Message);
        Assert.Contains("share_pts_ft", failure.Message);
        Assert.DoesNotContain("share_pts_2pt", failure.Message);
    }
}
