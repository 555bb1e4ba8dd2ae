namespace StreamProcessor.Systems.Prediction.Probability;

/// <summary>
/// How a system's prediction becomes P(over the line): P = 1 / (1 + exp(−(Slope × z + Intercept))) with
/// z = (predicted − line) / expected error, the edge measured in the system's own typical errors.
/// </summary>
/// <remarks>
/// <para><see cref="Default"/> (Slope 1.358, Intercept 0) is a normal outcome around the prediction whose mean absolute
/// deviation is the expected error: σ = e·sqrt(π/2), and the logistic curve with slope 1.702 matches the normal CDF to
/// within 0.01; 1.702 × sqrt(2/π) = 1.358. <c>stream model train</c> fits Slope and Intercept per system on a validation
/// slice before the training cut-off (<see cref="OverProbabilityFitter"/>): the intercept absorbs a skewed
/// distribution (the median of a scorer's points sits below his mean), the slope a spread that was too wide or narrow.</para>
/// <para>Confidence (0-100) is a function of this probability alone: 100 × max(P, 1 − P), the chance in percent that
/// the side the system favours wins. 50 = a coin flip, 70 = the favoured side should win 7 times in 10.</para>
/// </remarks>
public sealed record OverProbability(double Slope, double Intercept)
{
    /// <summary>The logistic approximation of the normal CDF (Φ(x) ≈ logistic(1.702 x)), per unit of mean absolute deviation.</summary>
    public static readonly double DefaultSlope = 1.702 * Math.Sqrt(2 / Math.PI);

    public static OverProbability Default { get; } = new(DefaultSlope, 0);

    /// <summary>Used when a prediction carries no expected error: 30 % of the prediction, at least 1.</summary>
    public static double FallbackExpectedError(double predicted) => Math.Max(1, 0.3 * Math.Abs(predicted));

    public double Of(double predicted, double expectedError, double line)
    {
        var error = double.IsFinite(expectedError) && expectedError > 0 ? expectedError : FallbackExpectedError(predicted);
        return Logistic(Slope * (predicted - line) / error + Intercept);
    }

    /// <summary>100 × max(P, 1 − P), clamped to 50-100; 50 for a probability that is not a number.</summary>
    public static double Confidence(double probabilityOver) =>
        double.IsNaN(probabilityOver) ? 50 : 100 * Math.Clamp(Math.Max(probabilityOver, 1 - probabilityOver), 0.5, 1);

    public static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
