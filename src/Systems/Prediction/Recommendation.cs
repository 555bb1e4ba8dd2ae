namespace StreamProcessor.Systems.Prediction;

public enum Recommendation { Over, Under, Pass }

public static class RecommendationText
{
    public static string Text(this Recommendation r) => r switch
    {
        Recommendation.Over => "OVER",
        Recommendation.Under => "UNDER",
        _ => "PASS",
    };
}
