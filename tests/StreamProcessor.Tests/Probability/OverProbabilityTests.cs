using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Probability;

namespace StreamProcessor.Tests.Probability;

public class OverProbabilityTests
{
    [Fact]
    public void The_default_curve_is_the_normal_cdf_with_sigma_from_the_expected_error()
    {
        // predicted 24, line 20.5, expected error 4: z = 3.5/4 = 0.875 MADs = 0.875*sqrt(2/pi) = 0.698 sigmas; Phi(0.698) = 0.7575
        var p = OverProbability.Default.Of(24, 4, 20.5);

        Assert.Equal(1 / (1 + Math.Exp(-1.702 * Math.Sqrt(2 / Math.PI) * 0.875)), p, 1e-12);
        Assert.Equal(0.7575, p, 0.01);
        Assert.Equal(0.5, OverProbability.Default.Of(20.5, 4, 20.5), 1e-12);
    }

    [Fact]
    public void Confidence_is_the_favoured_sides_probability_in_percent()
    {
        Assert.Equal(70, OverProbability.Confidence(0.7), 1e-9);
        Assert.Equal(70, OverProbability.Confidence(0.3), 1e-9);
        Assert.Equal(50, OverProbability.Confidence(0.5), 1e-9);
        Assert.Equal(50, OverProbability.Confidence(double.NaN), 1e-9);
    }

    [Fact]
    public void A_fitted_curve_applies_slope_and_intercept_to_the_edge_in_expected_errors()
    {
        var prediction = new SystemPrediction
        {
            SystemId = "s", PredictedPoints = 22, ExpectedError = 5, Calibration = new OverProbability(2, -0.5),
        };

        // z = (22 - 20.5) / 5 = 0.3; P = logistic(2*0.3 - 0.5) = logistic(0.1)
        Assert.Equal(1 / (1 + Math.Exp(-0.1)), prediction.ProbabilityOver(20.5), 1e-12);
        Assert.Equal(100 / (1 + Math.Exp(-0.1)), prediction.ConfidenceAt(20.5), 1e-9);
    }

    [Fact]
    public void The_fitter_recovers_a_known_logistic_curve()
    {
        // Outcomes drawn from P = logistic(1.5 z - 0.4) with a fixed seed.
        var random = new Random(11);
        var examples = Enumerable.Range(0, 20_000).Select(_ =>
        {
            var z = random.NextDouble() * 4 - 2;
            return (z, random.NextDouble() < OverProbability.Logistic(1.5 * z - 0.4));
        }).ToArray();

        var fitted = OverProbabilityFitter.Fit(examples);

        Assert.Equal(1.5, fitted.Slope, 0.08);
        Assert.Equal(-0.4, fitted.Intercept, 0.05);
    }

    [Fact]
    public void Too_few_or_one_sided_examples_keep_the_default()
    {
        Assert.Equal(OverProbability.Default, OverProbabilityFitter.Fit([(0.1, true), (0.2, false)]));
        Assert.Equal(OverProbability.Default, OverProbabilityFitter.Fit(Enumerable.Range(0, 100).Select(i => (i / 10.0, true)).ToArray()));
    }

    [Fact]
    public void Recommendations_need_both_the_edge_and_the_probability()
    {
        var options = new RecommendationOptions();

        Assert.Equal(Recommendation.Over, PredictionNormalizer.Recommend(22, 0.60, 20.5, PropType.Points, options));
        Assert.Equal(Recommendation.Pass, PredictionNormalizer.Recommend(22, 0.54, 20.5, PropType.Points, options)); // probability too low
        Assert.Equal(Recommendation.Pass, PredictionNormalizer.Recommend(21, 0.70, 20.5, PropType.Points, options)); // edge 0.5 < 1.0
        Assert.Equal(Recommendation.Under, PredictionNormalizer.Recommend(19, 0.30, 20.5, PropType.Points, options));
        Assert.Equal(Recommendation.Over, PredictionNormalizer.Recommend(5.5, 0.60, 4.5, PropType.Rebounds, options)); // edge 1.0 >= 0.75
        Assert.Equal(Recommendation.Pass, PredictionNormalizer.Recommend(5.0, 0.60, 4.5, PropType.Rebounds, options));
    }
}
