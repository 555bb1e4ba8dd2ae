namespace StreamProcessor.Systems.Prediction.Systems.Similarity;

/// <summary>Scores how alike two game situations are, 0 (nothing in common) to 1 (identical).</summary>
internal sealed class SimilarityScorer(SimilarityOptions options)
{
    private readonly double _totalWeight =
        options.OpponentTierWeight + options.RecentFormWeight + options.RestWeight + options.HomeWeight;

    public double Score(GameSituation tonight, GameSituation past) =>
        (options.OpponentTierWeight * Credit(tonight.Tier, past.Tier)
         + options.RecentFormWeight * Credit(tonight.Form, past.Form)
         + options.RestWeight * Credit(tonight.Rest, past.Rest)
         + options.HomeWeight * (tonight.Home == past.Home ? 1 : 0))
        / _totalWeight;

    private double Credit(int a, int b) => Math.Abs(a - b) switch
    {
        0 => 1,
        1 => options.AdjacentCredit,
        _ => 0,
    };
}
