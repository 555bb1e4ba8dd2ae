namespace StreamProcessor.Systems.Features;

/// <summary>Which of a player's earlier games the similarity system gets to compare with tonight.</summary>
public sealed record HistoryOptions
{
    public static HistoryOptions Default { get; } = new();

    /// <summary>At most this many games, the most recent ones. Default 30.</summary>
    public int MaxGames { get; init; } = 30;

    /// <summary>Only games at most this many days before the game date (a game exactly this old counts). Default 90.</summary>
    public int WindowDays { get; init; } = 90;
}
