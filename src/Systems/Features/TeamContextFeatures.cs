using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Features;

/// <summary>
/// The team-context features: availability, time with the team, expected minutes, and the production freed by
/// missing rotation players (see <see cref="TeamContext"/>). In production the lineup comes from the injury report
/// before tip-off; in backtests it is read from the game's box score, identities only.
/// </summary>
internal static class TeamContextFeatures
{
    /// <summary>No player is expected to play more than a full game.</summary>
    public const double MaxMinutes = 48;

    public static void Fill(Span<double> values, BoxScore game, RotationLog rotations)
    {
        var team = rotations.ContextOf(game.Team, game.GameDate);
        var opponent = rotations.ContextOf(game.Opponent, game.GameDate);
        var player = game.PlayerLookup;

        values[(int)Feature.AvailabilityLast10] = team?.Availability(player) ?? double.NaN;
        values[(int)Feature.GamesWithTeam] = team?.GamesWithTeam(player) ?? 0;
        values[(int)Feature.RotationMinutesMissing] = team?.Missing(RotationStat.Minutes, player) ?? double.NaN;
        values[(int)Feature.RotationPointsMissing] = team?.Missing(RotationStat.Points, player) ?? double.NaN;
        values[(int)Feature.OpponentRotationPointsMissing] = opponent?.Missing(RotationStat.Points) ?? double.NaN;
        values[(int)Feature.ExpectedMinutes] = team is null ? double.NaN
            : Math.Min(MaxMinutes, team.PerGame(player, RotationStat.Minutes) * team.Scale(RotationStat.Minutes));
        values[(int)Feature.PointsFreed] = Freed(team, player, RotationStat.Points);
        values[(int)Feature.ReboundsFreed] = Freed(team, player, RotationStat.Rebounds);
        values[(int)Feature.AssistsFreed] = Freed(team, player, RotationStat.Assists);
        values[(int)Feature.ThreesFreed] = Freed(team, player, RotationStat.Threes);
    }

    /// <summary>s_i × (scale_s − 1): the player's share of the production the lineup change frees (negative when it takes some back).</summary>
    private static double Freed(TeamContext? team, string player, RotationStat stat) =>
        team is null ? double.NaN : team.PerGame(player, stat) * (team.Scale(stat) - 1);
}
