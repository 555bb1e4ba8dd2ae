using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Prediction;

/// <summary>
/// When a prediction is strong enough to recommend OVER or UNDER rather than PASS: the edge over the line must reach
/// the prop's minimum and the probability of the favoured side must reach <see cref="MinProbability"/>.
/// Policy knobs, not fitted: they trade how many picks are made against how often they win.
/// </summary>
public sealed record RecommendationOptions
{
    /// <summary>|predicted − line| must reach this many points (points props). Default 1.0.</summary>
    public double MinEdgePoints { get; init; } = 1.0;

    /// <summary>|predicted − line| for rebounds props. Default 0.75.</summary>
    public double MinEdgeRebounds { get; init; } = 0.75;

    /// <summary>|predicted − line| for assists props. Default 0.75.</summary>
    public double MinEdgeAssists { get; init; } = 0.75;

    /// <summary>|predicted − line| for threes props. Default 0.4.</summary>
    public double MinEdgeThrees { get; init; } = 0.4;

    /// <summary>P(over) for OVER, or P(under) for UNDER, must reach this (0.55 = confidence 55). Default 0.55.</summary>
    public double MinProbability { get; init; } = 0.55;

    /// <summary>
    /// With prices: OVER (UNDER) only when P × decimal price − 1 of that side reaches this. Default 0.03: a margin over
    /// break-even that a probability fitted on a few hundred lines can plausibly be wrong by, chosen a priori.
    /// </summary>
    public double MinEv { get; init; } = 0.03;

    public double MinEdge(PropType prop) => prop switch
    {
        PropType.Points => MinEdgePoints,
        PropType.Rebounds => MinEdgeRebounds,
        PropType.Assists => MinEdgeAssists,
        _ => MinEdgeThrees,
    };
}
