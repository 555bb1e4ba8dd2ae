namespace StreamProcessor.Systems.Market;

/// <summary>
/// A sportsbook's price in American odds: +150 pays 150 on a stake of 100, −120 needs a stake of 120 to win 100.
/// Valid odds are finite with |odds| ≥ 100 (between −100 and +100 there is no American price).
/// </summary>
public static class AmericanOdds
{
    public static bool IsValid(double odds) => double.IsFinite(odds) && Math.Abs(odds) >= 100;

    /// <summary>What a stake of 1 returns when it wins, stake included: +150 → 2.5, −120 → 1.833.</summary>
    public static double ToDecimal(double odds) => odds > 0 ? 1 + odds / 100 : 1 + 100 / -odds;

    /// <summary>The American odds of a decimal price (≥ 2 → positive odds, below → negative).</summary>
    public static double FromDecimal(double decimalOdds) => decimalOdds >= 2 ? 100 * (decimalOdds - 1) : -100 / (decimalOdds - 1);

    /// <summary>The break-even probability of a price, vig included: 1 / decimal odds.</summary>
    public static double ImpliedProbability(double odds) => 1 / ToDecimal(odds);

    /// <summary>P(over) with the vig removed proportionally: implied(over) / (implied(over) + implied(under)).</summary>
    public static double DeviggedOver(double overOdds, double underOdds)
    {
        var over = ImpliedProbability(overOdds);
        var under = ImpliedProbability(underOdds);
        return over / (over + under);
    }
}
