namespace StreamProcessor.Systems.Market;

/// <summary>The prices a request carries for one of its lines (American odds), and the market's de-vigged P(over).</summary>
public sealed record MarketPrice(double OverPrice, double UnderPrice)
{
    public double ProbabilityOver => AmericanOdds.DeviggedOver(OverPrice, UnderPrice);
}
