namespace StreamProcessor.Systems.Market;

/// <summary>
/// A system's P(over) made market-aware: P = logistic(Intercept + MarketSlope · logit(p_market) + MarginSlope · z), with
/// z = (predicted − line) / expected error, the system's standardised margin. <see cref="MarketOnly"/> (0, 1, 0) is the
/// market's own probability: what a system that knows nothing the price does not gets, and where the fit starts and is
/// pulled back to.
/// </summary>
public sealed record MarketStack(double Intercept, double MarketSlope, double MarginSlope, int Examples)
{
    public static MarketStack MarketOnly { get; } = new(0, 1, 0, 0);

    public double Of(double marketProbabilityOver, double standardisedMargin)
    {
        var p = Math.Clamp(marketProbabilityOver, 1e-6, 1 - 1e-6);
        var z = double.IsFinite(standardisedMargin) ? standardisedMargin : 0;
        return 1 / (1 + Math.Exp(-(Intercept + MarketSlope * Math.Log(p / (1 - p)) + MarginSlope * z)));
    }
}
