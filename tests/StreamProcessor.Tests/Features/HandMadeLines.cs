using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;

namespace StreamProcessor.Tests.Features;

/// <summary>
/// Box scores for hand-made leagues: give the shots, the points follow (2*FG + 3PM + FTM).
/// An attempt count left out equals the makes, so every line is self-consistent.
/// </summary>
internal static class HandMadeLines
{
    public static BoxScore Line(
        string player, string date, string team, string opponent, bool home = true,
        int? fga = null, int fg = 0, int? threesAttempted = null, int threesMade = 0, int? fta = null, int ftm = 0,
        double minutes = 30, int rebounds = 0, int assists = 0, int turnovers = 0) => new()
        {
            PlayerName = player,
            PlayerLookup = player.ToLowerInvariant().Replace(' ', '-'),
            GameDate = DateOnly.Parse(date),
            Team = team,
            Opponent = opponent,
            Win = false,
            Home = home,
            Minutes = minutes,
            Points = 2 * fg + threesMade + ftm,
            Assists = assists,
            Blocks = 0,
            Steals = 0,
            FieldGoalsAttempted = fga ?? fg,
            FieldGoalsMade = fg,
            ThreesAttempted = threesAttempted ?? threesMade,
            ThreesMade = threesMade,
            FreeThrowsAttempted = fta ?? ftm,
            FreeThrowsMade = ftm,
            Rebounds = rebounds,
            Turnovers = turnovers,
        };

    public static PlayerFeatures RowOf(this IReadOnlyList<PlayerFeatures> rows, string player, string date) =>
        rows.Single(r => r.PlayerLookup == player.ToLowerInvariant().Replace(' ', '-') && r.GameDate == DateOnly.Parse(date));
}
