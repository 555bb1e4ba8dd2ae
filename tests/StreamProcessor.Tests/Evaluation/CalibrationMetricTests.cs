using StreamProcessor.Stream.Evaluation;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Tests.Evaluation;

public class CalibrationMetricTests
{
    [Fact]
    public void Brier_is_the_mean_squared_gap_between_probability_and_outcome()
    {
        // (0.8-1)^2 = 0.04, (0.3-0)^2 = 0.09, (0.6-0)^2 = 0.36, (0.5-1)^2 = 0.25 -> 0.74 / 4
        var brier = Calibration.Brier([(0.8, true), (0.3, false), (0.6, false), (0.5, true)]);

        Assert.Equal(0.185, brier, 1e-12);
        Assert.True(double.IsNaN(Calibration.Brier([])));
    }

    [Fact]
    public void Reliability_bins_by_decile_of_predicted_probability()
    {
        var table = Calibration.Reliability([(0.05, false), (0.15, false), (0.12, true), (0.55, true), (0.58, false), (0.59, true), (1.0, true)]);

        Assert.Equal(10, table.Count);
        Assert.Equal((1, 0.05, 0.0), (table[0].N, table[0].MeanPredicted, table[0].ObservedRate));
        Assert.Equal(2, table[1].N);
        Assert.Equal(0.135, table[1].MeanPredicted, 1e-12);
        Assert.Equal(0.5, table[1].ObservedRate, 1e-12);
        Assert.Equal(3, table[5].N);
        Assert.Equal((0.55 + 0.58 + 0.59) / 3, table[5].MeanPredicted, 1e-12);
        Assert.Equal(2 / 3.0, table[5].ObservedRate, 1e-12);
        Assert.Equal(1, table[9].N); // p = 1 falls in the last bin
        Assert.Equal(0, table[3].N);
        Assert.True(double.IsNaN(table[3].ObservedRate));
    }

    [Fact]
    public void The_summary_counts_hits_at_each_confidence_level_and_errors_by_minutes()
    {
        ScoredPrediction[] rows =
        [
            new(24, 26, 20.5, 0.75, 35, Recommendation.Over),  // conf 75, over, favoured side won; error 2
            new(18, 22, 20.5, 0.35, 25, Recommendation.Under), // conf 65, favoured under lost; error 4
            new(21, 20, 20.5, 0.55, 5, Recommendation.Pass),   // conf 55; error 1
        ];

        var s = ScoreSummary.Of(rows);

        Assert.Equal(7 / 3.0, s.Mae, 1e-12);
        Assert.Equal((-2 - 4 + 1) / 3.0, s.Bias, 1e-12);
        Assert.Equal((0.75 - 1) * (0.75 - 1) + (0.35 - 1) * (0.35 - 1) + 0.55 * 0.55, 3 * s.Brier, 1e-12); // 26 and 22 went over 20.5, 20 did not
        Assert.Equal((2, 0.5), (s.Picks, s.HitRate));
        Assert.Equal((2, 0.5), (s.NConfidence60, s.HitRateConfidence60));
        Assert.Equal((1, 1.0), (s.NConfidence70, s.HitRateConfidence70));
        Assert.Equal(("0-10", 1, 1.0), s.ByMinutes[0]);
        Assert.Equal(("20-30", 1, 4.0), s.ByMinutes[2]);
        Assert.Equal(("30-40", 1, 2.0), s.ByMinutes[3]);
    }
}
