using Xunit;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Systems;
using StreamProcessor.Systems.Prediction.Systems.Ensemble;

namespace StreamProcessor.Tests.Systems;

public class EnsembleSystemTests
{
    private static readonly double MadPerStd = Math.Sqrt(2 / Math.PI);
    private readonly EnsembleSystem _system = new();

    private static SystemPrediction Base(string id, double points, double confidence, double? error = null) => new()
    {
        SystemId = id, PredictedPoints = points, Confidence = confidence, ExpectedError = error,
    };

    private SystemResult Predict(params SystemPrediction[] bases) => Predict(_system, bases);

    private static SystemResult Predict(EnsembleSystem system, params SystemPrediction[] bases) =>
        system.Predict(new FeaturesBuilder().Input(basePredictions: bases));

    [Fact]
    public void Two_systems_combine_by_confidence()
    {
        var p = Assert.IsType<SystemPrediction>(Predict(
            Base(SystemIds.ZoneMatchup, 26, 40, error: 6),
            Base(SystemIds.MovingAverage, 20, 80, error: 4)));

        // weights = confidences 80 and 40: prediction = (80*20 + 40*26) / 120 = 2640 / 120 = 22
        Assert.Equal(22, p.PredictedPoints, 1e-9);
        // spread = sqrt((80*(20-22)^2 + 40*(26-22)^2) / 120) = sqrt((320 + 640) / 120) = sqrt(8)
        var spread = Math.Sqrt(8);
        // mean confidence = (80*80 + 40*40) / 120 = 8000 / 120; agreement = 1 / (1 + sqrt(8)/5)
        Assert.Equal(8000 / 120.0 / (1 + spread / 5), p.Confidence, 1e-9);
        // base error = (80*4 + 40*6) / 120 = 560 / 120; plus the disagreement sqrt(2/pi)*sqrt(8) in quadrature
        Assert.Equal(Math.Sqrt(Math.Pow(560 / 120.0, 2) + Math.Pow(MadPerStd * spread, 2)), p.ExpectedError!.Value, 1e-9);
        Assert.Equal([SystemIds.MovingAverage, SystemIds.ZoneMatchup], p.CombinedSystems);
        Assert.Equal(SystemIds.Ensemble, p.SystemId);
        Assert.True(_system.CombinesOtherSystems);
    }

    [Fact]
    public void Weights_follow_confidence()
    {
        var trustA = Assert.IsType<SystemPrediction>(Predict(Base("a", 20, 90), Base("b", 30, 10)));
        var trustB = Assert.IsType<SystemPrediction>(Predict(Base("a", 20, 10), Base("b", 30, 90)));

        // (90*20 + 10*30) / 100 = 21; (10*20 + 90*30) / 100 = 29
        Assert.Equal(21, trustA.PredictedPoints, 1e-9);
        Assert.Equal(29, trustB.PredictedPoints, 1e-9);
    }

    [Fact]
    public void Agreeing_systems_keep_their_confidence_and_disagreeing_ones_lose_it()
    {
        var agree = Assert.IsType<SystemPrediction>(Predict(Base("a", 20, 60), Base("b", 20, 60), Base("c", 20, 60)));
        var disagree = Assert.IsType<SystemPrediction>(Predict(Base("a", 15, 60), Base("b", 25, 60)));

        Assert.Equal(60, agree.Confidence, 1e-9);
        Assert.Null(agree.ExpectedError); // no base system reported one
        // equal weights: prediction 20, spread = sqrt((25 + 25) / 2) = 5 = the scale: confidence halved
        Assert.Equal(30, disagree.Confidence, 1e-9);
    }

    [Fact]
    public void Configured_multipliers_scale_the_weights()
    {
        var system = new EnsembleSystem(new EnsembleOptions { SystemWeights = new Dictionary<string, double> { ["b"] = 2 } });

        var p = Assert.IsType<SystemPrediction>(Predict(system, Base("a", 20, 80), Base("b", 26, 40)));

        // weights 1*80 = 80 and 2*40 = 80: prediction = (80*20 + 80*26) / 160 = 23
        Assert.Equal(23, p.PredictedPoints, 1e-9);
    }

    [Fact]
    public void Zero_confidence_everywhere_falls_back_to_the_multipliers()
    {
        var p = Assert.IsType<SystemPrediction>(Predict(Base("a", 20, 0), Base("b", 26, 0)));

        Assert.Equal(23, p.PredictedPoints, 1e-9);
        Assert.Equal(0, p.Confidence, 1e-9);
    }

    [Fact]
    public void One_base_prediction_is_insufficient()
    {
        var failure = Assert.IsType<SystemFailure>(Predict(Base(SystemIds.MovingAverage, 20, 80)));

        Assert.Equal(FailureReason.InsufficientSystems, failure.Reason);
        Assert.Equal(SystemIds.Ensemble, failure.SystemId);
        Assert.Contains("1 base system succeeded (moving_average)", failure.Message);
        Assert.Contains("at least 2", failure.Message);
    }

    [Fact]
    public void No_base_prediction_is_insufficient()
    {
        var failure = Assert.IsType<SystemFailure>(Predict());

        Assert.Equal(FailureReason.InsufficientSystems, failure.Reason);
        Assert.Contains("0 base systems succeeded", failure.Message);
    }

    [Fact]
    public void A_system_passed_twice_counts_once()
    {
        var failure = Assert.IsType<SystemFailure>(Predict(Base("a", 20, 80), Base("a", 20, 80)));

        Assert.Equal(FailureReason.InsufficientSystems, failure.Reason);
        Assert.Contains("1 base system succeeded (a)", failure.Message);
    }

    [Fact]
    public void A_system_weighted_zero_does_not_count()
    {
        var system = new EnsembleSystem(new EnsembleOptions { SystemWeights = new Dictionary<string, double> { ["b"] = 0 } });

        var failure = Assert.IsType<SystemFailure>(Predict(system, Base("a", 20, 80), Base("b", 26, 40)));

        Assert.Equal(FailureReason.InsufficientSystems, failure.Reason);
    }
}
