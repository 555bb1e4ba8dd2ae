namespace StreamProcessor.Systems.Prediction.Systems.Ensemble;

/// <summary>
/// Stacking for absolute error: the convex combination of the base systems (weights ≥ 0, summing to 1) with the
/// smallest mean absolute error on validation rows where every one of them predicted. Found by moving weight
/// between pairs of systems in steps of 0.1, then 0.05, 0.02, 0.01, 0.005, keeping every move that lowers the
/// error (MAE is convex in the weights, so this descends to the optimum within the last step). Deterministic.
/// </summary>
public static class EnsembleWeightFitter
{
    private static readonly double[] Steps = [0.1, 0.05, 0.02, 0.01, 0.005];

    /// <param name="systems">The base systems to weigh, in a fixed order.</param>
    /// <param name="rows">Each validation row: the systems' predictions (by id) and the actual value.</param>
    /// <returns>Equal weights when no row has a prediction from every system.</returns>
    public static EnsembleWeights Fit(IReadOnlyList<string> systems, IReadOnlyList<(IReadOnlyDictionary<string, double> Predictions, double Actual)> rows)
    {
        var complete = rows
            .Where(r => systems.All(s => r.Predictions.TryGetValue(s, out var p) && double.IsFinite(p)))
            .Select(r => (Values: systems.Select(s => r.Predictions[s]).ToArray(), r.Actual))
            .ToArray();
        if (complete.Length == 0 || systems.Count == 0) return EnsembleWeights.Equal;

        var weights = Enumerable.Repeat(1.0 / systems.Count, systems.Count).ToArray();
        var best = Mae(weights);
        foreach (var step in Steps)
        {
            bool improved;
            do
            {
                improved = false;
                for (var to = 0; to < weights.Length; to++)
                for (var from = 0; from < weights.Length; from++)
                {
                    if (to == from || weights[from] <= 0) continue;
                    var move = Math.Min(step, weights[from]);
                    weights[from] -= move;
                    weights[to] += move;
                    var mae = Mae(weights);
                    if (mae < best - 1e-12)
                    {
                        best = mae;
                        improved = true;
                    }
                    else
                    {
                        weights[from] += move;
                        weights[to] -= move;
                    }
                }
            } while (improved);
        }
        return new EnsembleWeights(systems.Select((s, i) => (s, w: Math.Round(weights[i], 6))).ToDictionary(x => x.s, x => x.w));

        double Mae(double[] w)
        {
            var sum = 0.0;
            foreach (var (values, actual) in complete)
            {
                var p = 0.0;
                for (var i = 0; i < w.Length; i++) p += w[i] * values[i];
                sum += Math.Abs(p - actual);
            }
            return sum / complete.Length;
        }
    }
}
