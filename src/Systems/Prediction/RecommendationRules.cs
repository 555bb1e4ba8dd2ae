namespace StreamProcessor.Systems.Prediction;

/// <summary>The rule behind a row's OVER / UNDER / PASS, stored with it.</summary>
public static class RecommendationRules
{
    /// <summary>With prices: OVER or UNDER only when its expected value at the book's price reaches <c>min_ev</c>.</summary>
    public const string ExpectedValue = "expected_value";

    /// <summary>Without prices: the edge over the line and the favoured side's probability (today's rule).</summary>
    public const string EdgeAndProbability = "edge_and_probability";
}
