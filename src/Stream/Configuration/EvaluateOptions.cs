namespace StreamProcessor.Stream.Configuration;

/// <summary><c>stream evaluate</c>: which player-games the backtest scores.</summary>
public sealed record EvaluateOptions
{
    /// <summary>A player-game is scored only when the player has at least this many earlier games.</summary>
    public int MinEarlierGames { get; init; } = 10;
}
