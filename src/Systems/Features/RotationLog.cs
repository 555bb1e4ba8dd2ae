using System.Collections.Concurrent;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Features;

/// <summary>
/// Who played for each team in each game, so that tonight's lineup can be compared with the team's usual
/// rotation. Tonight's game contributes only the identities of the players in its box score (who is dressed
/// and plays); its statistics are never read. Everything else comes from the team's earlier games of the season.
/// </summary>
internal sealed class RotationLog
{
    private readonly Dictionary<(string Team, int Season), TeamLineup[]> _byTeam;
    private readonly ConcurrentDictionary<(string Team, DateOnly Date), TeamContext?> _contexts = new();
    private readonly int _windowGames;
    private readonly double _minMinutes;

    private RotationLog(Dictionary<(string, int), TeamLineup[]> byTeam, int windowGames, double minMinutes)
    {
        _byTeam = byTeam;
        _windowGames = windowGames;
        _minMinutes = minMinutes;
    }

    public static RotationLog From(IEnumerable<BoxScore> lines, int windowGames, double minMinutes)
    {
        var byTeam = lines
            .GroupBy(l => (l.Team, Season: NbaSeason.StartYearOf(l.GameDate)))
            .ToDictionary(
                t => (t.Key.Team, t.Key.Season),
                t => t.GroupBy(l => l.GameDate)
                    .OrderBy(g => g.Key)
                    .Select(g => new TeamLineup(g.Key, g.ToDictionary(l => l.PlayerLookup, StringComparer.Ordinal)))
                    .ToArray());
        return new RotationLog(byTeam, windowGames, minMinutes);
    }

    /// <summary>The team's context on a date it played; null when it has no game that day.</summary>
    public TeamContext? ContextOf(string team, DateOnly date) =>
        _contexts.GetOrAdd((team, date), key => Build(key.Team, key.Date));

    private TeamContext? Build(string team, DateOnly date)
    {
        if (!_byTeam.TryGetValue((team, NbaSeason.StartYearOf(date)), out var games)) return null;
        var tonight = Array.FindIndex(games, g => g.Date == date);
        if (tonight < 0) return null;

        var window = games.AsSpan(Math.Max(0, tonight - _windowGames), Math.Min(tonight, _windowGames));
        var players = new Dictionary<string, RotationPlayer>(StringComparer.Ordinal);
        foreach (var game in window)
        {
            foreach (var (player, line) in game.Players)
                players[player] = players.GetValueOrDefault(player, RotationPlayer.Empty).Add(line);
        }

        var seasonGames = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tonight; i++)
            foreach (var player in games[i].Players.Keys)
                seasonGames[player] = seasonGames.GetValueOrDefault(player) + 1;

        return new TeamContext(window.Length, players, games[tonight].Players.Keys.ToHashSet(StringComparer.Ordinal), seasonGames, _minMinutes);
    }

    private sealed record TeamLineup(DateOnly Date, Dictionary<string, BoxScore> Players);
}
