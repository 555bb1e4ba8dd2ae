using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Systems;
using StreamProcessor.Systems.Prediction.Systems.Ensemble;

namespace StreamProcessor.Tests.Systems;

public class EnsembleSystemTests
{
    private static readonly double MadPerStd = Math.Sqrt(2 / Math.PI);

    private static readonly EnsembleSystem Learned = new(learned: new Dictionary<PropType, EnsembleWeights>
    {
        [PropType.Points] = new(new Dictionary<string, double>
        {
            [SystemIds.Xgboost] = 0.6, [SystemIds.MovingAverage] = 0.3, [SystemIds.ZoneMatchup] = 0.1, [SystemIds.Similarity] = 0,
        }),
    });

    private static SystemPrediction Base(string id, double points, double? error = null) => new()
    {
        SystemId = id, PredictedPoints = points, ExpectedError = error,
    };

    private static SystemResult Predict(EnsembleSystem system, params SystemPrediction[] bases) =>
        system.Predict(new FeaturesBuilder().Input(basePredictions: bases));

    [Fact]
    public void Learned_weights_are_renormalised_over_the_systems_present()
    {
        var p = Assert.IsType<SystemPrediction>(Predict(Learned,
            Base(SystemIds.ZoneMatchup, 26, error: 6),
            Base(SystemIds.MovingAverage, 20, error: 4)));

        // weights 0.1 and 0.3 -> 0.25 and 0.75: 0.25*26 + 0.75*20 = 21.5
        Assert.Equal(21.5, p.PredictedPoints, 1e-9);
        // spread = sqrt(0.25*(26-21.5)^2 + 0.75*(20-21.5)^2) = sqrt(5.0625 + 1.6875) = sqrt(6.75)
        var spread = Math.Sqrt(6.75);
        // base error 0.25*6 + 0.75*4 = 4.5, disagreement sqrt(2/pi)*spread in quadrature
        Assert.Equal(Math.Sqrt(4.5 * 4.5 + Math.Pow(MadPerStd * spread, 2)), p.ExpectedError!.Value, 1e-9);
        Assert.Equal([SystemIds.MovingAverage, SystemIds.ZoneMatchup], p.CombinedSystems);
    }

    [Fact]
    public void Systems_the_learned_weights_leave_out_are_weighed_equally_when_only_they_are_left()
    {
        var p = Assert.IsType<SystemPrediction>(Predict(Learned,
            Base(SystemIds.Similarity, 10), Base(SystemIds.Similarity, 99), Base(SystemIds.Xgboost, 14)));

        // similarity counts once (its first prediction); weights 0 and 0.6 -> xgboost alone
        Assert.Equal(14, p.PredictedPoints, 1e-9);

        var onlyZero = new EnsembleSystem(learned: new Dictionary<PropType, EnsembleWeights>
        {
            [PropType.Points] = new(new Dictionary<string, double> { [SystemIds.Xgboost] = 1 }),
        });
        var q = Assert.IsType<SystemPrediction>(Predict(onlyZero, Base(SystemIds.Similarity, 10), Base(SystemIds.MovingAverage, 14)));
        Assert.Equal(12, q.PredictedPoints, 1e-9);
    }

    [Fact]
    public void Without_learned_weights_every_system_weighs_the_same_and_multipliers_apply()
    {
        var p = Assert.IsType<SystemPrediction>(Predict(new EnsembleSystem(), Base(SystemIds.Xgboost, 30), Base(SystemIds.MovingAverage, 20)));
        Assert.Equal(25, p.PredictedPoints, 1e-9);
        Assert.Null(p.ExpectedError);

        var weighted = new EnsembleSystem(new EnsembleOptions { SystemWeights = new Dictionary<string, double> { [SystemIds.Xgboost] = 3 } });
        var q = Assert.IsType<SystemPrediction>(Predict(weighted, Base(SystemIds.Xgboost, 30), Base(SystemIds.MovingAverage, 20)));
        Assert.Equal(27.5, q.PredictedPoints, 1e-9);
    }

    [Fact]
    public void Fewer_than_two_systems_fail_as_insufficient_systems()
    {
        var failure = Assert.IsType<SystemFailure>(Predict(Learned, Base(SystemIds.Xgboost, 20), Base(SystemIds.Xgboost, 21)));

        Assert.Equal(FailureReason.InsufficientSystems, failure.Reason);
        Assert.Equal("1 base system succeeded (xgboost_v1); need at least 2", failure.Message);
    }

    [Fact]
    public void The_fitter_finds_the_mae_optimal_convex_weights()
    {
        // Actual = system A exactly on every row; B is off by +4. The MAE-optimal mix is all A.
        var rows = Enumerable.Range(0, 50).Select(i => ((IReadOnlyDictionary<string, double>)new Dictionary<string, double>
        {
            ["a"] = 10 + i % 7, ["b"] = 14 + i % 7,
        }, (double)(10 + i % 7))).ToArray();

        var weights = EnsembleWeightFitter.Fit(["a", "b"], rows);

        Assert.Equal(1.0, weights.Of("a"), 1e-9);
        Assert.Equal(0.0, weights.Of("b"), 1e-9);
    }

    [Fact]
    public void The_fitter_splits_weight_when_the_truth_lies_between_two_systems()
    {
        // Actual is always the midpoint of A and B: 0.5 / 0.5 has zero error.
        var rows = Enumerable.Range(0, 40).Select(i => ((IReadOnlyDictionary<string, double>)new Dictionary<string, double>
        {
            ["a"] = 10.0 + i, ["b"] = 20.0 + i, ["c"] = 40.0 + (i % 2 == 0 ? 1 : -1),
        }, 15.0 + i)).ToArray();

        var weights = EnsembleWeightFitter.Fit(["a", "b", "c"], rows);

        Assert.Equal(0.5, weights.Of("a"), 0.005); // the last step of the search
        Assert.Equal(0.5, weights.Of("b"), 0.005);
        Assert.Equal(0.0, weights.Of("c"), 0.005);
    }
}
