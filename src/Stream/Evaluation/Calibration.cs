namespace StreamProcessor.Stream.Evaluation;

/// <summary>How well probabilities match outcomes: the Brier score and a reliability table.</summary>
public static class Calibration
{
    public const int Bins = 10;

    /// <summary>Mean of (p − o)², o = 1 when the outcome happened; 0.25 is a constant 0.5, 0 is perfect. NaN for no rows.</summary>
    public static double Brier(IEnumerable<(double Probability, bool Outcome)> rows)
    {
        double sum = 0;
        var n = 0;
        foreach (var (p, o) in rows)
        {
            sum += (p - (o ? 1 : 0)) * (p - (o ? 1 : 0));
            n++;
        }
        return n == 0 ? double.NaN : sum / n;
    }

    /// <summary>
    /// Deciles of predicted probability (bin k holds k/10 ≤ p &lt; (k+1)/10, p = 1 in the last): per bin the count,
    /// the mean predicted probability and the observed rate. A calibrated system has the two close in every bin.
    /// </summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(IEnumerable<(double Probability, bool Outcome)> rows)
    {
        var count = new int[Bins];
        var predicted = new double[Bins];
        var observed = new int[Bins];
        foreach (var (p, o) in rows)
        {
            if (double.IsNaN(p)) continue;
            var bin = Math.Clamp((int)Math.Floor(p * Bins), 0, Bins - 1);
            count[bin]++;
            predicted[bin] += p;
            if (o) observed[bin]++;
        }
        return Enumerable.Range(0, Bins).Select(b => new ReliabilityBin(
            b / (double)Bins, (b + 1) / (double)Bins, count[b],
            count[b] == 0 ? double.NaN : predicted[b] / count[b],
            count[b] == 0 ? double.NaN : observed[b] / (double)count[b])).ToArray();
    }
}

public sealed record ReliabilityBin(double From, double To, int N, double MeanPredicted, double ObservedRate);
