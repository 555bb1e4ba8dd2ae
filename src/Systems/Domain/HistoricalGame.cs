namespace StreamProcessor.Systems.Domain;

/// <summary>One of the player's earlier games, described the way the similarity system compares games.</summary>
public sealed record HistoricalGame
{
    public required DateOnly GameDate { get; init; }
    public required OpponentTier OpponentTier { get; init; }
    public required int DaysRest { get; init; }
    public required bool Home { get; init; }
    public required RecentForm RecentForm { get; init; }
    public required double Points { get; init; }
    public required double Minutes { get; init; }
    public double Rebounds { get; init; }
    public double Assists { get; init; }
    public double ThreesMade { get; init; }

    /// <summary>What the player did in that game for a prop.</summary>
    public double ValueOf(PropType prop) => prop.Select(Points, Rebounds, Assists, ThreesMade);
}

/// <summary>How well the opponent defends, from its defensive rating over its previous 15 games.</summary>
public enum OpponentTier { Elite, Average, Weak }

/// <summary>The player's last five games against his season average before the game.</summary>
public enum RecentForm { Hot, Normal, Cold }
