using StreamProcessor.Systems.Market;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Tests.Market;

public class ExpectedValueTests
{
    [Theory]
    [InlineData(-110, 1.909091)] // 1 + 100/110
    [InlineData(100, 2.0)]
    [InlineData(150, 2.5)]
    [InlineData(-200, 1.5)]
    public void American_odds_become_decimal_returns(double odds, double expected)
    {
        Assert.Equal(expected, AmericanOdds.ToDecimal(odds), 5);
        Assert.Equal(odds, AmericanOdds.FromDecimal(AmericanOdds.ToDecimal(odds)), 6);
    }

    [Fact]
    public void The_market_probability_removes_the_vig_proportionally()
    {
        // -110 / -110: 0.5238 each, 1.0476 in all -> 0.5 each
        Assert.Equal(0.5, AmericanOdds.DeviggedOver(-110, -110), 10);
        // +120 / -150: 1/2.2 = 0.45455 and 1/1.6667 = 0.6 -> 0.45455 / 1.05455 = 0.43103
        Assert.Equal(0.431034, AmericanOdds.DeviggedOver(120, -150), 5);
    }

    [Theory]
    // P(over) 0.56 at -110/-110: EV(over) = 0.56 x 1.90909 - 1 = +0.0691 >= 0.03 -> OVER
    [InlineData(0.56, -110, -110, 0.03, Recommendation.Over, 0.069091, -0.160000)]
    // P(over) 0.54: EV(over) = 0.54 x 1.90909 - 1 = +0.0309 -> OVER, just
    [InlineData(0.54, -110, -110, 0.03, Recommendation.Over, 0.030909, -0.121818)]
    // P(over) 0.53: EV(over) = +0.0118 < 0.03 and EV(under) = 0.47 x 1.90909 - 1 = -0.1027 -> PASS
    [InlineData(0.53, -110, -110, 0.03, Recommendation.Pass, 0.011818, -0.102727)]
    // P(over) 0.40 at +150 over: EV(over) = 0.40 x 2.5 - 1 = 0 < 0.03; under at -180: 0.60 x 1.5556 - 1 = -0.0667 -> PASS
    [InlineData(0.40, 150, -180, 0.03, Recommendation.Pass, 0.0, -0.066667)]
    // P(over) 0.40 at +170: EV(over) = 0.40 x 2.7 - 1 = +0.08 -> OVER, an underdog side with an edge
    [InlineData(0.40, 170, -200, 0.03, Recommendation.Over, 0.08, -0.1)]
    // P(over) 0.35 at -105/-115: EV(under) = 0.65 x 1.86957 - 1 = +0.2152 -> UNDER
    [InlineData(0.35, -105, -115, 0.03, Recommendation.Under, -0.316667, 0.215217)]
    // min_ev 0: the first non-negative side; P 0.5 at +100/+100 both EV 0 -> OVER (ties go to the over)
    [InlineData(0.50, 100, 100, 0.0, Recommendation.Over, 0.0, 0.0)]
    public void A_side_is_picked_only_when_its_expected_value_at_the_price_reaches_min_ev(
        double probabilityOver, double over, double under, double minEv, Recommendation pick, double evOver, double evUnder)
    {
        var (recommended, actualOver, actualUnder) = ExpectedValue.Recommend(probabilityOver, new MarketPrice(over, under), minEv);

        Assert.Equal(pick, recommended);
        Assert.Equal(evOver, actualOver, 5);
        Assert.Equal(evUnder, actualUnder, 5);
    }

    [Fact]
    public void The_normalizer_stores_the_expected_value_prices_and_market_probability_and_says_which_rule_picked()
    {
        var request = new StreamProcessor.Systems.Domain.PredictionRequest
        {
            RequestId = "r", PlayerLookup = "p", GameDate = new DateOnly(2025, 2, 20), GameId = "20250220_AAA_BBB",
            LineValues = [20.5, 22.5], OverPrices = [-110, 120], UnderPrices = [-110, -150],
        };
        // A stack that trusts the margin: P = logistic(logit(p_market) + 1 x z), z = (24 - line) / 4
        var prediction = new SystemPrediction { SystemId = "s", PredictedPoints = 24, ExpectedError = 4, Market = new MarketStack(0, 1, 1, 500) };

        var rows = PredictionNormalizer.ToRows(request, prediction, "v", new RecommendationOptions(), DateTimeOffset.UnixEpoch).ToArray();

        // 20.5 at -110/-110: p_market 0.5, z 0.875 -> P = logistic(0.875) = 0.7058; EV(over) = 0.70579 x 1.90909 - 1 = 0.3474
        Assert.Equal(Recommendation.Over, rows[0].Recommendation);
        Assert.Equal(0.7058, rows[0].ProbabilityOver!.Value, 4);
        Assert.Equal(0.3474, rows[0].ExpectedValue!.Value, 4);
        Assert.Equal((-110.0, -110.0, 0.5), (rows[0].OverPrice!.Value, rows[0].UnderPrice!.Value, rows[0].MarketProbabilityOver!.Value));
        Assert.Equal(RecommendationRules.ExpectedValue, rows[0].RecommendationRule);
        // 22.5 at +120/-150: p_market 0.43103 (logit -0.2776), z 0.375 -> P = logistic(0.0974) = 0.5243; EV(over) = 0.5243 x 2.2 - 1 = 0.1535
        Assert.Equal(0.5243, rows[1].ProbabilityOver!.Value, 4);
        Assert.Equal(0.1535, rows[1].ExpectedValue!.Value, 3);

        var unpriced = PredictionNormalizer.ToRows(request with { OverPrices = null, UnderPrices = null }, prediction, "v", new RecommendationOptions(), DateTimeOffset.UnixEpoch).First();
        Assert.Equal(RecommendationRules.EdgeAndProbability, unpriced.RecommendationRule);
        Assert.Null(unpriced.ExpectedValue);
        Assert.Null(unpriced.MarketProbabilityOver);
    }

    [Fact]
    public void The_consensus_is_the_line_most_books_posted_with_their_mean_prices_and_mean_devigged_probability()
    {
        var market = MarketLine.Consensus(
        [
            new BookLine("a", 24.5, -110, -110),
            new BookLine("b", 24.5, -120, 100),
            new BookLine("c", 25.5, 105, -125),
        ])!;

        Assert.Equal(24.5, market.Line);
        Assert.Equal(2, market.Books);
        // mean decimal over price (1.90909 + 1.83333) / 2 = 1.87121 -> -114.8
        Assert.Equal(-114.8, market.OverPrice, 1);
        // mean of 0.5 and devig(-120, +100) = 0.54545 / 1.04545 = 0.52174
        Assert.Equal((0.5 + 0.521739) / 2, market.ProbabilityOver, 5);
    }
}
