namespace StreamProcessor.Systems.Features;

/// <summary>
/// A team's rotation going into one game: over its last N games, each player's availability (share of the
/// games he played) and per-game production when he played, against who is in tonight's lineup.
/// </summary>
/// <remarks>
/// The rotation R is the players averaging at least the minimum minutes in the window. For a stat s, the team
/// usually gets E_s = Σ_{r∈R} avail_r · s_r from it; tonight's players of R usually produce P_s = Σ_{r∈R, present} s_r
/// when they play. scale_s = E_s / P_s is how much each present player's share grows (or shrinks, when a
/// usually-absent player is back) if tonight's rotation absorbs the usual production in proportion to what each
/// produces. Players outside R (deep bench, often garbage time) count neither way: whether they appear tonight says
/// more about the score than about the lineup.
/// </remarks>
internal sealed class TeamContext
{
    private readonly int _windowGames;
    private readonly IReadOnlyDictionary<string, RotationPlayer> _players;
    private readonly IReadOnlySet<string> _tonight;
    private readonly IReadOnlyDictionary<string, int> _seasonGames;
    private readonly (string Player, RotationPlayer Line)[] _rotation;

    public TeamContext(int windowGames, IReadOnlyDictionary<string, RotationPlayer> players, IReadOnlySet<string> tonight,
        IReadOnlyDictionary<string, int> seasonGames, double minMinutes)
    {
        _windowGames = windowGames;
        _players = players;
        _tonight = tonight;
        _seasonGames = seasonGames;
        _rotation = players.Where(p => p.Value.PerGame(RotationStat.Minutes) >= minMinutes)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (p.Key, p.Value))
            .ToArray();
    }

    /// <summary>Team games this season before tonight that the player played for this team.</summary>
    public int GamesWithTeam(string player) => _seasonGames.GetValueOrDefault(player);

    /// <summary>Share of the window's games the player played; NaN when the team has no earlier game.</summary>
    public double Availability(string player) =>
        _windowGames == 0 ? double.NaN : _players.GetValueOrDefault(player).Games / (double)_windowGames;

    /// <summary>
    /// Σ over rotation players other than <paramref name="except"/> of s_r × (avail_r − present_r): how much of the
    /// stat the team usually gets from players who are missing tonight, less what returning players usually add.
    /// </summary>
    public double Missing(RotationStat stat, string? except = null)
    {
        if (_windowGames == 0) return double.NaN;
        var sum = 0.0;
        foreach (var (player, line) in _rotation)
        {
            if (player == except) continue;
            var available = line.Games / (double)_windowGames;
            sum += line.PerGame(stat) * (available - (_tonight.Contains(player) ? 1 : 0));
        }
        return sum;
    }

    /// <summary>E_s / P_s (see the remarks); NaN when no rotation player is in tonight's lineup.</summary>
    public double Scale(RotationStat stat)
    {
        double expected = 0, present = 0;
        foreach (var (player, line) in _rotation)
        {
            var perGame = line.PerGame(stat);
            expected += line.Games / (double)_windowGames * perGame;
            if (_tonight.Contains(player)) present += perGame;
        }
        return present > 0 ? expected / present : double.NaN;
    }

    /// <summary>The player's per-game stat over the window when he played; NaN when he did not play in it.</summary>
    public double PerGame(string player, RotationStat stat) =>
        _players.TryGetValue(player, out var line) ? line.PerGame(stat) : double.NaN;
}
