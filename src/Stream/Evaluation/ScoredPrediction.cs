using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Evaluation;

/// <summary>One prediction of a backtest beside its outcome: what every metric is computed from.</summary>
public readonly record struct ScoredPrediction(double Predicted, double Actual, double Line, double ProbabilityOver, double Minutes, Recommendation Pick)
{
    public bool WentOver => Actual > Line;

    public double Confidence => Systems.Prediction.Probability.OverProbability.Confidence(ProbabilityOver);

    /// <summary>Whether the side the probability favours won (P(over) ≥ 0.5 favours OVER).</summary>
    public bool FavouredSideWon => ProbabilityOver >= 0.5 ? WentOver : !WentOver;
}
