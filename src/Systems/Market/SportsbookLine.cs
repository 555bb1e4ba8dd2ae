using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Market;

/// <summary>
/// One book's posted line for a player, date and prop (a row of the lines table). A price is null when the book
/// showed only the other side; such a line counts for the consensus line but not for its prices.
/// </summary>
public sealed record SportsbookLine
{
    public required string PlayerLookup { get; init; }
    public required string PlayerName { get; init; }
    public required DateOnly GameDate { get; init; }
    public required PropType Prop { get; init; }
    public required double Line { get; init; }
    public double? OverPrice { get; init; }
    public double? UnderPrice { get; init; }
    public required string Bookmaker { get; init; }
    public required string Source { get; init; }
}
