using StreamProcessor.Systems.Market;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Evaluation;

/// <summary>
/// Scores every system against real lines: its market-aware P(over) at the books' prices beside the market's de-vigged
/// probability, its picks by expected value (<c>min_ev</c>) settled at the books' mean price, and the market itself as a
/// system (its line as the point forecast, its probability as P(over), no picks: at its own price it has no edge).
/// </summary>
public static class MarketBacktest
{
    public const string MarketId = "market";

    private const int BootstrapResamples = 2000;
    private const int BootstrapSeed = 20250201;

    public static readonly IReadOnlyList<double> Thresholds = [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.10, 0.15];

    public static IReadOnlyDictionary<string, MarketScore> Run(IReadOnlyList<BacktestCase> cases, IReadOnlyList<IPredictionSystem> systems, double minEv)
    {
        var priced = cases.Where(c => c.Market is not null).ToArray();
        var results = Backtest.Predict(priced, systems);
        var rows = systems.ToDictionary(s => s.Id, _ => new List<Row>());
        rows[MarketId] = [];
        for (var i = 0; i < priced.Length; i++)
        {
            var c = priced[i];
            var market = c.Market!;
            rows[MarketId].Add(new Row(c, market.Line, market.ProbabilityOver));
            foreach (var prediction in results[i].OfType<SystemPrediction>())
                rows[prediction.SystemId].Add(new Row(c, prediction.PredictedPoints, prediction.ProbabilityOver(c.Line, c.Price)));
        }
        return rows.ToDictionary(r => r.Key, r => Score(r.Value, minEv));
    }

    private sealed record Row(BacktestCase Case, double Predicted, double ProbabilityOver)
    {
        public bool WentOver => Case.Actual > Case.Line;
        public double MarketProbability => Case.Market!.ProbabilityOver;
    }

    /// <summary>The return of a stake of 1 on <paramref name="pick"/>: the winnings at the price, −1 on a loss, 0 on a push.</summary>
    public static double Return(Recommendation pick, double actual, double line, MarketPrice price)
    {
        if (actual == line) return 0;
        var over = actual > line;
        return pick switch
        {
            Recommendation.Over => over ? AmericanOdds.ToDecimal(price.OverPrice) - 1 : -1,
            Recommendation.Under => over ? -1 : AmericanOdds.ToDecimal(price.UnderPrice) - 1,
            _ => 0,
        };
    }

    private static MarketScore Score(List<Row> rows, double minEv)
    {
        var n = rows.Count;
        double Mean(Func<Row, double> f) => n == 0 ? double.NaN : rows.Sum(f) / n;
        var picks = Picks(rows, minEv);
        var returns = picks.Select(p => Return(p.Pick, p.Row.Case.Actual, p.Row.Case.Line, p.Row.Case.Price!)).ToArray();
        return new MarketScore
        {
            N = n,
            Brier = Calibration.Brier(rows.Select(r => (r.ProbabilityOver, r.WentOver))),
            MarketBrier = Calibration.Brier(rows.Select(r => (r.MarketProbability, r.WentOver))),
            LogLoss = Mean(r => LogLoss(r.ProbabilityOver, r.WentOver)),
            MarketLogLoss = Mean(r => LogLoss(r.MarketProbability, r.WentOver)),
            Mae = Mean(r => Math.Abs(r.Predicted - r.Case.Actual)),
            LineMae = Mean(r => Math.Abs(r.Case.Line - r.Case.Actual)),
            Picks = picks.Count,
            HitRate = picks.Count == 0 ? double.NaN : returns.Count(x => x > 0) / (double)picks.Count,
            Roi = returns.Length == 0 ? double.NaN : returns.Average(),
            RoiInterval = Bootstrap(returns),
            Reliability = Calibration.Reliability(rows.Select(r => (r.ProbabilityOver, r.WentOver))),
            MarketReliability = Calibration.Reliability(rows.Select(r => (r.MarketProbability, r.WentOver))),
            ByThreshold = Thresholds.Select(t =>
            {
                var at = Picks(rows, t);
                return (t, at.Count, at.Count == 0 ? double.NaN : at.Average(p => Return(p.Pick, p.Row.Case.Actual, p.Row.Case.Line, p.Row.Case.Price!)));
            }).ToArray(),
        };
    }

    private static List<(Row Row, Recommendation Pick)> Picks(List<Row> rows, double minEv) => rows
        .Select(r => (Row: r, ExpectedValue.Recommend(r.ProbabilityOver, r.Case.Price!, minEv).Pick))
        .Where(p => p.Pick != Recommendation.Pass)
        .ToList();

    private static double LogLoss(double p, bool over)
    {
        var q = Math.Clamp(p, 1e-12, 1 - 1e-12);
        return over ? -Math.Log(q) : -Math.Log(1 - q);
    }

    private static (double, double) Bootstrap(double[] returns)
    {
        if (returns.Length < 2) return (double.NaN, double.NaN);
        var random = new Random(BootstrapSeed);
        var means = new double[BootstrapResamples];
        for (var b = 0; b < BootstrapResamples; b++)
        {
            double sum = 0;
            for (var i = 0; i < returns.Length; i++) sum += returns[random.Next(returns.Length)];
            means[b] = sum / returns.Length;
        }
        Array.Sort(means);
        return (means[(int)(0.025 * BootstrapResamples)], means[(int)(0.975 * BootstrapResamples) - 1]);
    }
}
