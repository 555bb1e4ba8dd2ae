namespace StreamProcessor.Systems.Domain;

/// <summary>One player's line in one game: a row of <c>nba_analytics.player_game_summary</c>.</summary>
public sealed record BoxScore
{
    public required string PlayerName { get; init; }
    public required string PlayerLookup { get; init; }
    public required DateOnly GameDate { get; init; }
    public required string Team { get; init; }
    public required string Opponent { get; init; }
    public required bool Win { get; init; }
    public required bool Home { get; init; }
    public required double Minutes { get; init; }
    public required int Points { get; init; }
    public required int Assists { get; init; }
    public required int Blocks { get; init; }
    public required int Steals { get; init; }
    public required int FieldGoalsAttempted { get; init; }
    public required int FieldGoalsMade { get; init; }
    public required int ThreesAttempted { get; init; }
    public required int ThreesMade { get; init; }
    public required int FreeThrowsAttempted { get; init; }
    public required int FreeThrowsMade { get; init; }
    public required int Rebounds { get; init; }
    public required int Turnovers { get; init; }

    public string GameId => Domain.GameId.For(GameDate, Home ? Opponent : Team, Home ? Team : Opponent);

    /// <summary>Points scored on two-point field goals.</summary>
    public int TwoPointPoints => 2 * (FieldGoalsMade - ThreesMade);
    public int ThreePointPoints => 3 * ThreesMade;
    public int FreeThrowPoints => FreeThrowsMade;
}
