using StreamProcessor.Systems.Market;

namespace StreamProcessor.Tests.Market;

public class MarketStackTests
{
    private static double Brier(IEnumerable<(double P, bool Over)> rows) => rows.Average(r => (r.P - (r.Over ? 1 : 0)) * (r.P - (r.Over ? 1 : 0)));

    private static double LogLoss(IEnumerable<(double P, bool Over)> rows) => rows.Average(r => r.Over ? -Math.Log(r.P) : -Math.Log(1 - r.P));

    /// <summary>Lines whose market probability is exactly right; the system's margin is noise, or carries <paramref name="signal"/> of the truth.</summary>
    private static List<(MarketStackExample Example, double Truth)> Lines(int seed, int n, double signal)
    {
        var random = new Random(seed);
        var rows = new List<(MarketStackExample, double)>();
        for (var i = 0; i < n; i++)
        {
            var market = 0.3 + 0.4 * random.NextDouble();
            var hidden = random.NextDouble() * 2 - 1;
            var logit = Math.Log(market / (1 - market)) + signal * hidden;
            var truth = 1 / (1 + Math.Exp(-logit));
            var margin = signal > 0 ? hidden : random.NextDouble() * 2 - 1;
            rows.Add((new MarketStackExample(market, margin, random.NextDouble() < truth), truth));
        }
        return rows;
    }

    [Fact]
    public void When_the_market_is_exactly_right_the_stack_is_never_worse_than_the_market()
    {
        var train = Lines(seed: 1, n: 2000, signal: 0);
        var test = Lines(seed: 2, n: 20000, signal: 0);

        var stack = MarketStackFitter.Fit(train.Select(t => t.Example).ToArray());

        // in sample the fit can only do better than the market (the market is one of the stacks it chose among)
        var inSample = train.Select(t => (stack.Of(t.Example.MarketProbabilityOver, t.Example.StandardisedMargin), t.Example.WentOver)).ToArray();
        Assert.True(LogLoss(inSample) <= LogLoss(train.Select(t => (t.Example.MarketProbabilityOver, t.Example.WentOver))) + 1e-3);
        // on lines it never saw, the noise it learned costs nothing measurable, and its coefficients stay at the market's
        var stacked = Brier(test.Select(t => (stack.Of(t.Example.MarketProbabilityOver, t.Example.StandardisedMargin), t.Example.WentOver)));
        var market = Brier(test.Select(t => (t.Example.MarketProbabilityOver, t.Example.WentOver)));
        Assert.True(stacked <= market + 0.0005, $"stack Brier {stacked:F5} vs market {market:F5}");
        Assert.InRange(stack.MarketSlope, 0.85, 1.15);
        Assert.InRange(stack.MarginSlope, -0.1, 0.1);
        Assert.InRange(stack.Intercept, -0.1, 0.1);
    }

    [Fact]
    public void A_margin_that_knows_something_the_price_does_not_beats_the_market()
    {
        var train = Lines(seed: 3, n: 3000, signal: 1.0);
        var test = Lines(seed: 4, n: 20000, signal: 1.0);

        var stack = MarketStackFitter.Fit(train.Select(t => t.Example).ToArray());

        var stacked = Brier(test.Select(t => (stack.Of(t.Example.MarketProbabilityOver, t.Example.StandardisedMargin), t.Example.WentOver)));
        var market = Brier(test.Select(t => (t.Example.MarketProbabilityOver, t.Example.WentOver)));
        Assert.True(stacked < market - 0.005, $"stack Brier {stacked:F5} vs market {market:F5}");
        Assert.InRange(stack.MarginSlope, 0.6, 1.3);
    }

    [Fact]
    public void Too_few_lines_leave_the_market_probability_as_it_is()
    {
        var stack = MarketStackFitter.Fit(Lines(seed: 5, n: MarketStackFitter.MinExamples - 1, signal: 1).Select(t => t.Example).ToArray());

        Assert.Equal(0.6125, stack.Of(0.6125, standardisedMargin: 3), 10);
    }
}
