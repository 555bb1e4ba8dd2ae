namespace StreamProcessor.Systems.Prediction.Probability;

/// <summary>
/// Fits <see cref="OverProbability"/> (Platt scaling) by maximum likelihood: logistic regression of "went over"
/// on z = (predicted − line) / expected error, by Newton's method with a tiny ridge so that separable or
/// degenerate samples still give finite numbers.
/// </summary>
public static class OverProbabilityFitter
{
    /// <summary>Fewer examples than this, or only one outcome among them: keep the default.</summary>
    public const int MinExamples = 50;

    private const double Ridge = 1e-6;
    private const int MaxIterations = 50;

    public static OverProbability Fit(IReadOnlyList<(double Z, bool Over)> examples)
    {
        var usable = examples.Where(e => double.IsFinite(e.Z)).ToArray();
        if (usable.Length < MinExamples || usable.All(e => e.Over) || usable.All(e => !e.Over)) return OverProbability.Default;

        double a = OverProbability.DefaultSlope, b = 0;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            // Gradient and Hessian of the negative log-likelihood (plus the ridge) in (a, b).
            double ga = Ridge * a, gb = Ridge * b, haa = Ridge, hab = 0, hbb = Ridge;
            foreach (var (z, over) in usable)
            {
                var p = OverProbability.Logistic(a * z + b);
                var residual = p - (over ? 1 : 0);
                var w = p * (1 - p);
                ga += residual * z;
                gb += residual;
                haa += w * z * z;
                hab += w * z;
                hbb += w;
            }
            var determinant = haa * hbb - hab * hab;
            if (!(determinant > 0)) break;
            var da = (hbb * ga - hab * gb) / determinant;
            var db = (haa * gb - hab * ga) / determinant;
            a -= da;
            b -= db;
            if (Math.Abs(da) < 1e-10 && Math.Abs(db) < 1e-10) break;
        }
        return double.IsFinite(a) && double.IsFinite(b) ? new OverProbability(a, b) : OverProbability.Default;
    }
}
