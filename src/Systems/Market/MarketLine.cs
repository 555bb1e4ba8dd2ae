namespace StreamProcessor.Systems.Market;

/// <summary>
/// The market's view of one player, date and prop: the consensus line (the line most books posted; a tie goes to the
/// line nearest the books' median, then the lower), the mean prices of the books at that line (averaged as decimal
/// odds, given back in American odds), and the market's P(over): the mean de-vigged probability of those books.
/// </summary>
public sealed record MarketLine(double Line, double OverPrice, double UnderPrice, double ProbabilityOver, int Books)
{
    public static MarketLine? Consensus(IReadOnlyCollection<BookLine> books)
    {
        var usable = books.Where(b => double.IsFinite(b.Line) && AmericanOdds.IsValid(b.OverPrice) && AmericanOdds.IsValid(b.UnderPrice)).ToArray();
        if (usable.Length == 0) return null;
        var sorted = usable.Select(b => b.Line).Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        var line = usable.GroupBy(b => b.Line)
            .OrderByDescending(g => g.Count()).ThenBy(g => Math.Abs(g.Key - median)).ThenBy(g => g.Key)
            .First();
        var atLine = line.ToArray();
        return new MarketLine(
            line.Key,
            AmericanOdds.FromDecimal(atLine.Average(b => AmericanOdds.ToDecimal(b.OverPrice))),
            AmericanOdds.FromDecimal(atLine.Average(b => AmericanOdds.ToDecimal(b.UnderPrice))),
            atLine.Average(b => AmericanOdds.DeviggedOver(b.OverPrice, b.UnderPrice)),
            atLine.Length);
    }
}
