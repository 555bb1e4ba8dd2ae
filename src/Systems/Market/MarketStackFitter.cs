namespace StreamProcessor.Systems.Market;

/// <summary>
/// Fits a <see cref="MarketStack"/> by penalised maximum likelihood (Newton's method): logistic regression of "went over"
/// on logit(p_market) and the system's standardised margin, with a ridge pulling the coefficients toward
/// <see cref="MarketStack.MarketOnly"/>. The ridge is what keeps a few hundred lines from talking the stack away from a
/// well-priced market; its strength is fixed a priori (the weight of <see cref="PriorStrength"/> pseudo-examples),
/// never tuned on an evaluated window.
/// </summary>
public static class MarketStackFitter
{
    /// <summary>Fewer real lines than this: the market's probability as it is.</summary>
    public const int MinExamples = 100;

    /// <summary>The ridge, in examples' worth of curvature (w ≈ 0.25 per example near p = 0.5): 50 examples.</summary>
    public const double PriorStrength = 50 * 0.25;

    private const int MaxIterations = 50;

    public static MarketStack Fit(IReadOnlyList<MarketStackExample> examples)
    {
        var usable = examples.Where(e => double.IsFinite(e.MarketProbabilityOver) && double.IsFinite(e.StandardisedMargin)
                                         && e.MarketProbabilityOver > 0 && e.MarketProbabilityOver < 1).ToArray();
        if (usable.Length < MinExamples || usable.All(e => e.WentOver) || usable.All(e => !e.WentOver))
            return MarketStack.MarketOnly with { Examples = usable.Length };

        var prior = new[] { 0.0, 1.0, 0.0 };
        var beta = (double[])prior.Clone();
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var gradient = new double[3];
            var hessian = new double[3, 3];
            for (var k = 0; k < 3; k++)
            {
                gradient[k] = PriorStrength * (beta[k] - prior[k]);
                hessian[k, k] = PriorStrength;
            }
            foreach (var e in usable)
            {
                double[] x = [1, Logit(e.MarketProbabilityOver), e.StandardisedMargin];
                var p = 1 / (1 + Math.Exp(-(beta[0] * x[0] + beta[1] * x[1] + beta[2] * x[2])));
                var residual = p - (e.WentOver ? 1 : 0);
                var w = p * (1 - p);
                for (var j = 0; j < 3; j++)
                {
                    gradient[j] += residual * x[j];
                    for (var k = 0; k < 3; k++) hessian[j, k] += w * x[j] * x[k];
                }
            }
            var step = Solve(hessian, gradient);
            if (step is null) break;
            for (var k = 0; k < 3; k++) beta[k] -= step[k];
            if (step.All(s => Math.Abs(s) < 1e-10)) break;
        }
        return beta.All(double.IsFinite)
            ? new MarketStack(beta[0], beta[1], beta[2], usable.Length)
            : MarketStack.MarketOnly with { Examples = usable.Length };
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    // Gaussian elimination with partial pivoting on the 3×3 system; null when singular.
    private static double[]? Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = new double[n, n + 1];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) m[i, j] = a[i, j];
            m[i, n] = b[i];
        }
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(m[r, col]));
            if (Math.Abs(m[pivot, col]) < 1e-12) return null;
            for (var j = 0; j <= n; j++) (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
            for (var r = 0; r < n; r++)
            {
                if (r == col) continue;
                var factor = m[r, col] / m[col, col];
                for (var j = col; j <= n; j++) m[r, j] -= factor * m[col, j];
            }
        }
        return Enumerable.Range(0, n).Select(i => m[i, n] / m[i, i]).ToArray();
    }
}
