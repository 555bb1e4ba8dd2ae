using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Google.BigQuery.Tables;

/// <summary>A row of nba_analytics.player_game_summary (CDC by player_lookup, game_date, so a reload rewrites a game).</summary>
public sealed record BoxScoreTableRow(
    string PlayerLookup, string PlayerName, DateOnly GameDate, string GameId, string Team, string Opponent, bool Home, bool Win,
    double Minutes, long Points, long Assists, long Blocks, long Steals, long Fga, long Fgm, long Fg3a, long Fg3m, long Fta, long Ftm,
    long Rebounds, long Turnovers, string Source, DateTimeOffset LoadedAt)
{
    public const string Dataset = "nba_analytics", Table = "player_game_summary";

    public static BoxScoreTableRow From(BoxScore b, string source, DateTimeOffset loadedAt) => new(
        b.PlayerLookup, b.PlayerName, b.GameDate, b.GameId, b.Team, b.Opponent, b.Home, b.Win, b.Minutes, b.Points, b.Assists,
        b.Blocks, b.Steals, b.FieldGoalsAttempted, b.FieldGoalsMade, b.ThreesAttempted, b.ThreesMade, b.FreeThrowsAttempted,
        b.FreeThrowsMade, b.Rebounds, b.Turnovers, source, loadedAt);
}
