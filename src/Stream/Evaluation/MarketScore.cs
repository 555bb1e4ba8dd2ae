namespace StreamProcessor.Stream.Evaluation;

/// <summary>
/// One system (or the market itself) judged against real lines on the rows it predicted: how good its P(over) is beside
/// the market's on the same rows, its MAE beside the line's, and what its expected-value picks returned at the books' prices.
/// </summary>
public sealed record MarketScore
{
    public required int N { get; init; }
    public required double Brier { get; init; }
    public required double MarketBrier { get; init; }
    public required double LogLoss { get; init; }
    public required double MarketLogLoss { get; init; }
    public required double Mae { get; init; }
    public required double LineMae { get; init; }
    public required int Picks { get; init; }
    public required double HitRate { get; init; }

    /// <summary>Return per unit staked, flat stakes at the books' mean price of the side picked (a push returns the stake).</summary>
    public required double Roi { get; init; }

    /// <summary>The 2.5th and 97.5th percentiles of the ROI over bootstrap resamples of the picks.</summary>
    public required (double Low, double High) RoiInterval { get; init; }

    public required IReadOnlyList<ReliabilityBin> Reliability { get; init; }
    public required IReadOnlyList<ReliabilityBin> MarketReliability { get; init; }

    /// <summary>Picks and ROI if the EV threshold were each of these instead (the report's ROI-vs-threshold curve).</summary>
    public required IReadOnlyList<(double MinEv, int Picks, double Roi)> ByThreshold { get; init; }
}
