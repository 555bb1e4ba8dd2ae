using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Systems;
using StreamProcessor.Systems.Prediction.Systems.BoostedTrees;
using Xunit;

namespace StreamProcessor.Tests.Systems;

public class BoostedTreesSystemTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    private static readonly double MadPerStd = Math.Sqrt(2 / Math.PI);

    [Fact]
    public void Without_a_model_it_fails_as_model_unavailable()
    {
        var failure = Assert.IsType<SystemFailure>(new BoostedTreesSystem((BoostedTreesModel?)null).Predict(new FeaturesBuilder().Input()));

        Assert.Equal(FailureReason.ModelUnavailable, failure.Reason);
        Assert.Equal(SystemIds.Xgboost, failure.SystemId);
        Assert.Equal("no trained points model: run `stream model train`", failure.Message);
    }

    [Fact]
    public void Features_of_another_version_fail_as_model_unavailable()
    {
        var input = new FeaturesBuilder().WithVersion("v9.9").Input();

        var failure = Assert.IsType<SystemFailure>(new BoostedTreesSystem(fixture.Model).Predict(input));

        Assert.Equal(FailureReason.ModelUnavailable, failure.Reason);
        Assert.Contains("v9.9", failure.Message);
    }

    [Fact]
    public void Predicts_with_the_model_and_states_its_version_and_confidence()
    {
        var builder = new FeaturesBuilder();
        // 10 of the 35 features present: quality score 28.6 (rounded to one decimal, as the feature store does)
        builder.With(Feature.MinutesAvgLast10, 30).With(Feature.PointsStdLast10, 5).With(Feature.GamesPlayed, 15)
            .With(Feature.PointsAvgSeason, 24).With(Feature.PointsAvgLast10, 25).With(Feature.PointsAvgLast5, 26)
            .With(Feature.DaysRest, 2).With(Feature.BackToBack, 0).With(Feature.Home, 1).With(Feature.UsageSeason, 0.6);
        var features = builder.Build();

        var p = Assert.IsType<SystemPrediction>(new BoostedTreesSystem(fixture.Model).Predict(Inputs.For(features)));

        var predicted = fixture.Model.Predict(features);
        Assert.Equal(predicted, p.PredictedPoints, 1e-4);
        Assert.InRange(p.PredictedPoints, 0.8 * 30 - 3, 0.8 * 30 + 3); // the signal is 0.8 * 30 = 24
        Assert.Equal("xgboost_v1@2024-11-04..2025-02-01/v3.0", p.ModelVersion);
        Assert.Equal(Math.Round(100 * 10 / 62.0, 1), features.QualityScore, 1e-9); // 10 of the 62 v3.0 features are set
        Assert.Equal(MadPerStd * 5, p.ExpectedError!.Value, 1e-4);
    }

    [Fact]
    public void Without_a_points_spread_the_expected_error_is_the_models_training_error()
    {
        var p = Assert.IsType<SystemPrediction>(new BoostedTreesSystem(fixture.Model).Predict(new FeaturesBuilder().Input()));

        Assert.Equal(Math.Max(1, fixture.Model.TrainingMae), p.ExpectedError!.Value, 1e-9);
    }
}
