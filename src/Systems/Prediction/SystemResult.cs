using StreamProcessor.Systems.Market;
using StreamProcessor.Systems.Prediction.Probability;

namespace StreamProcessor.Systems.Prediction;

/// <summary>What a system returns: a <see cref="SystemPrediction"/> or a <see cref="SystemFailure"/>.</summary>
public abstract record SystemResult
{
    public required string SystemId { get; init; }
}

/// <summary>
/// A successful prediction: the expected value of the prop's statistic (points unless the request says otherwise)
/// and the spread of outcomes around it, from which the probability and confidence at any line follow.
/// </summary>
public sealed record SystemPrediction : SystemResult
{
    /// <summary>The predicted value of the request's prop (named for production's column, predicted_points).</summary>
    public required double PredictedPoints { get; init; }

    /// <summary>The system's typical absolute error around its prediction, in the prop's units.</summary>
    public double? ExpectedError { get; init; }

    /// <summary>How edge in expected errors becomes P(over): the default normal curve, or one fitted by <c>model train</c>.</summary>
    public OverProbability Calibration { get; init; } = OverProbability.Default;

    /// <summary>How the system's margin is combined with the market's price when a line comes with prices; null = the market's probability as it is.</summary>
    public MarketStack? Market { get; init; }

    /// <summary>P(the player's stat ends above <paramref name="line"/>).</summary>
    public double ProbabilityOver(double line) =>
        Calibration.Of(PredictedPoints, ExpectedError ?? OverProbability.FallbackExpectedError(PredictedPoints), line);

    /// <summary>(predicted − line) / expected error: the edge in the system's own typical errors.</summary>
    public double StandardisedMargin(double line)
    {
        var error = ExpectedError is { } e && double.IsFinite(e) && e > 0 ? e : OverProbability.FallbackExpectedError(PredictedPoints);
        return (PredictedPoints - line) / error;
    }

    /// <summary>
    /// P(over <paramref name="line"/>) given the books' prices for it: the market-aware stack on the market's de-vigged
    /// probability and this system's margin, never less informed than the price. Without prices, <see cref="ProbabilityOver(double)"/>.
    /// </summary>
    public double ProbabilityOver(double line, MarketPrice? price) => price is null
        ? ProbabilityOver(line)
        : (Market ?? MarketStack.MarketOnly).Of(price.ProbabilityOver, StandardisedMargin(line));

    /// <summary>0-100: 100 × max(P(over), P(under)) at this line.</summary>
    public double ConfidenceAt(double line) => OverProbability.Confidence(ProbabilityOver(line));

    public SimilarityDetails? Similarity { get; init; }

    /// <summary>For an ensemble: the base systems it combined.</summary>
    public IReadOnlyList<string>? CombinedSystems { get; init; }

    /// <summary>For a learned model: which model produced it (name, training range).</summary>
    public string? ModelVersion { get; init; }
}

public sealed record SimilarityDetails(double Baseline, int SimilarGamesCount, double AverageSimilarity);

/// <summary>A typed refusal to predict, with a stable reason code for dead letters and metrics.</summary>
public sealed record SystemFailure : SystemResult
{
    public required FailureReason Reason { get; init; }
    public required string Message { get; init; }
}
