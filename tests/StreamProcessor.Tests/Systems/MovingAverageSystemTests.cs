using Xunit;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Systems;
using StreamProcessor.Systems.Prediction.Systems.MovingAverage;

namespace StreamProcessor.Tests.Systems;

public class MovingAverageSystemTests
{
    private static readonly double MadPerStd = Math.Sqrt(2 / Math.PI);
    private readonly MovingAverageSystem _system = new();

    [Fact]
    public void Weights_all_three_averages_and_adjusts_for_home()
    {
        var input = new FeaturesBuilder()
            .With(Feature.PointsAvgLast5, 30).With(Feature.PointsAvgLast10, 25).With(Feature.PointsAvgSeason, 20)
            .With(Feature.PointsStdLast10, 5.3).With(Feature.GamesPlayed, 10)
            .With(Feature.DaysRest, 2).With(Feature.BackToBack, 0).With(Feature.Home, 1)
            .Input();

        var p = Assert.IsType<SystemPrediction>(_system.Predict(input));

        // average = 0.5*30 + 0.3*25 + 0.2*20 = 15 + 7.5 + 4 = 26.5; 2 days rest: no rest adjustment; home: x1.01
        Assert.Equal(26.5 * 1.01, p.PredictedPoints, 1e-9);
        Assert.Equal(MadPerStd * 5.3, p.ExpectedError!.Value, 1e-9);
        Assert.Equal(SystemIds.MovingAverage, p.SystemId);
    }

    [Fact]
    public void Renormalises_over_the_averages_present_and_penalises_a_road_back_to_back()
    {
        var input = new FeaturesBuilder()
            .With(Feature.PointsAvgLast10, 20).With(Feature.PointsAvgSeason, 18)
            .With(Feature.GamesPlayed, 30).With(Feature.DaysRest, 1).With(Feature.BackToBack, 1).With(Feature.Home, 0)
            .Input();

        var p = Assert.IsType<SystemPrediction>(_system.Predict(input));

        // average = (0.3*20 + 0.2*18) / (0.3 + 0.2) = 9.6 / 0.5 = 19.2; back-to-back x0.96; away x0.99
        Assert.Equal(19.2 * 0.96 * 0.99, p.PredictedPoints, 1e-9);
        // spread unknown: 30 % of the prediction
        Assert.Equal(0.3 * 19.2 * 0.96 * 0.99, p.ExpectedError!.Value, 1e-9);
    }

    [Fact]
    public void Rewards_rest_and_uses_the_season_average_alone()
    {
        var input = new FeaturesBuilder()
            .With(Feature.PointsAvgSeason, 10).With(Feature.PointsStdLast10, 4).With(Feature.GamesPlayed, 4)
            .With(Feature.DaysRest, 3).With(Feature.BackToBack, 0).With(Feature.Home, 1)
            .Input();

        var p = Assert.IsType<SystemPrediction>(_system.Predict(input));

        // 10 x1.01 (3 days rest) x1.01 (home) = 10.201
        Assert.Equal(10.201, p.PredictedPoints, 1e-9);
    }

    [Fact]
    public void Back_to_back_falls_back_to_days_rest_when_the_flag_is_missing()
    {
        var input = new FeaturesBuilder().With(Feature.PointsAvgLast5, 10).With(Feature.DaysRest, 1).Input();

        var p = Assert.IsType<SystemPrediction>(_system.Predict(input));

        // average = 10 (only last-5); back-to-back from days_rest = 1: x0.96; home unknown: no venue adjustment
        Assert.Equal(9.6, p.PredictedPoints, 1e-9);
    }

    [Fact]
    public void Options_change_the_weights_and_adjustments()
    {
        var system = new MovingAverageSystem(new MovingAverageOptions
        {
            Last5Weight = 1, Last10Weight = 1, SeasonWeight = 0, HomeAdjustment = 0.05,
        });
        var input = new FeaturesBuilder()
            .With(Feature.PointsAvgLast5, 30).With(Feature.PointsAvgLast10, 20).With(Feature.PointsAvgSeason, 100)
            .With(Feature.DaysRest, 2).With(Feature.BackToBack, 0).With(Feature.Home, 1)
            .Input();

        var p = Assert.IsType<SystemPrediction>(system.Predict(input));

        // (30 + 20) / 2 = 25 (season weighted 0); home x1.05
        Assert.Equal(26.25, p.PredictedPoints, 1e-9);
    }

    [Fact]
    public void Fails_with_missing_features_when_no_points_average_is_present()
    {
        var input = new FeaturesBuilder().With(Feature.GamesPlayed, 0).With(Feature.Home, 1).Input();

        var failure = Assert.IsType<SystemFailure>(_system.Predict(input));

        Assert.Equal(FailureReason.MissingFeatures, failure.Reason);
        Assert.Equal(SystemIds.MovingAverage, failure.SystemId);
        Assert.Contains("pts_avg_last5", failure.Message);
        Assert.Contains("pts_avg_season", failure.Message);
    }

    [Fact]
    public void Rejects_options_without_any_weight()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new MovingAverageSystem(new MovingAverageOptions { Last5Weight = 0, Last10Weight = 0, SeasonWeight = 0 }));
    }
}
