namespace StreamProcessor.Systems.Prediction;

/// <summary>When a prediction is strong enough to recommend OVER or UNDER rather than PASS.</summary>
public sealed record RecommendationOptions
{
    /// <summary>|predicted - line| must reach this many points.</summary>
    public double MinEdgePoints { get; init; } = 1.0;

    /// <summary>The system's confidence (0-100) must reach this.</summary>
    public double MinConfidence { get; init; } = 50;
}
