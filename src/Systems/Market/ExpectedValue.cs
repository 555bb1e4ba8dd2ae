using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Systems.Market;

/// <summary>
/// Recommendations by expected value at the book's price: a flat stake of 1 on OVER returns P(over) × decimal price − 1
/// on average. OVER only when that reaches <c>min_ev</c>, UNDER likewise (the larger of the two when both do), else PASS:
/// abstaining is the right answer when the price leaves no edge.
/// </summary>
public static class ExpectedValue
{
    public static double Of(double probability, double americanOdds) => probability * AmericanOdds.ToDecimal(americanOdds) - 1;

    public static (Recommendation Pick, double EvOver, double EvUnder) Recommend(double probabilityOver, MarketPrice price, double minEv)
    {
        var over = Of(probabilityOver, price.OverPrice);
        var under = Of(1 - probabilityOver, price.UnderPrice);
        if (over >= minEv && over >= under) return (Recommendation.Over, over, under);
        if (under >= minEv) return (Recommendation.Under, over, under);
        return (Recommendation.Pass, over, under);
    }
}
