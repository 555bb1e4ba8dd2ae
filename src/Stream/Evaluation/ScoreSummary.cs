using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Evaluation;

/// <summary>The metrics of one system (or baseline) over the predictions it made in a backtest.</summary>
public sealed record ScoreSummary
{
    /// <summary>Minutes buckets of the error table: [0, 10), [10, 20), [20, 30), [30, 40), [40, ∞).</summary>
    public static IReadOnlyList<(string Name, double From, double To)> MinutesBuckets { get; } =
        [("0-10", 0, 10), ("10-20", 10, 20), ("20-30", 20, 30), ("30-40", 30, 40), ("40+", 40, double.PositiveInfinity)];

    public required int N { get; init; }
    public required double Mae { get; init; }
    public required double Rmse { get; init; }
    public required double Bias { get; init; }
    public required double Brier { get; init; }

    /// <summary>Share of OVER / UNDER recommendations that won, and how many there were.</summary>
    public required double HitRate { get; init; }
    public required int Picks { get; init; }

    /// <summary>Among predictions of confidence ≥ 60 (≥ 70): the share whose favoured side won, and how many.</summary>
    public required double HitRateConfidence60 { get; init; }
    public required int NConfidence60 { get; init; }
    public required double HitRateConfidence70 { get; init; }
    public required int NConfidence70 { get; init; }

    public required IReadOnlyList<ReliabilityBin> Reliability { get; init; }

    /// <summary>MAE and count per bucket of the minutes actually played.</summary>
    public required IReadOnlyList<(string Bucket, int N, double Mae)> ByMinutes { get; init; }

    public static ScoreSummary Of(IReadOnlyList<ScoredPrediction> rows)
    {
        var n = rows.Count;
        double Mean(Func<ScoredPrediction, double> f) => n == 0 ? double.NaN : rows.Sum(f) / n;
        var picks = rows.Where(r => r.Pick != Recommendation.Pass).ToArray();
        var c60 = rows.Where(r => r.Confidence >= 60).ToArray();
        var c70 = rows.Where(r => r.Confidence >= 70).ToArray();
        var probabilities = rows.Select(r => (r.ProbabilityOver, r.WentOver)).ToArray();
        return new ScoreSummary
        {
            N = n,
            Mae = Mean(r => Math.Abs(r.Predicted - r.Actual)),
            Rmse = Math.Sqrt(Mean(r => (r.Predicted - r.Actual) * (r.Predicted - r.Actual))),
            Bias = Mean(r => r.Predicted - r.Actual),
            Brier = Calibration.Brier(probabilities),
            HitRate = Rate(picks, r => r.Pick == Recommendation.Over ? r.WentOver : !r.WentOver),
            Picks = picks.Length,
            HitRateConfidence60 = Rate(c60, r => r.FavouredSideWon),
            NConfidence60 = c60.Length,
            HitRateConfidence70 = Rate(c70, r => r.FavouredSideWon),
            NConfidence70 = c70.Length,
            Reliability = Calibration.Reliability(probabilities),
            ByMinutes = MinutesBuckets.Select(b =>
            {
                var inBucket = rows.Where(r => r.Minutes >= b.From && r.Minutes < b.To).ToArray();
                return (b.Name, inBucket.Length, inBucket.Length == 0 ? double.NaN : inBucket.Average(r => Math.Abs(r.Predicted - r.Actual)));
            }).ToArray(),
        };
    }

    private static double Rate(ScoredPrediction[] rows, Func<ScoredPrediction, bool> won) =>
        rows.Length == 0 ? double.NaN : rows.Count(won) / (double)rows.Length;
}
