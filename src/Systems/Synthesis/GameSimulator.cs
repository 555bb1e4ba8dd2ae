using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Text;

namespace StreamProcessor.Systems.Synthesis;

/// <summary>
/// Plays the scheduled games in date order and writes each one's box scores. Keeps the state
/// that carries between games: who is injured and for how long, and when each team last played.
/// </summary>
internal sealed class GameSimulator
{
    private const double TeamMinutesPerGame = 240;
    /// <summary>Field-goal attempts of an average team in 48 minutes (the real 2024-25 file: 89).</summary>
    private const double ShotsPerTeamGame = 89;
    private const double HomeScoringBoost = 1.015;
    /// <summary>
    /// On the second night of a back-to-back the rotation's minutes are cut and the deep bench plays
    /// more often; after the team's minutes are brought back to 240, rotation players net about -3 %.
    /// </summary>
    private const double BackToBackMinutes = 0.95;
    private const double BackToBackBenchBoost = 1.6;
    private const double MaxMeanMinutes = 42;
    private const double MaxRegulationMinutes = 48;
    private const double MinutesNoise = 4;
    /// <summary>Caps how far a depleted team stretches the players it has left.</summary>
    private const double MaxMinutesStretch = 1.5;
    private const double OvertimeMinutes = 5;
    private const int OvertimePlayers = 5;
    /// <summary>With injuries lasting ~5 games on average this keeps a few % of player-games missed.</summary>
    private const double InjuryChancePerGame = 0.01;
    private const double MaxMakeChance = 0.95;
    /// <summary>Night-to-night spread of a player's shot share (log scale); brings player scoring noise to the real file's.</summary>
    private const double UsageNoise = 0.25;
    /// <summary>
    /// Game-to-game spread of a team's shot total, times sqrt(mean). Kept well below Poisson because
    /// in real games misses earn extra shots (offensive rebounds), so a team's made field goals vary
    /// little more than its shooting luck alone; 0.3 brings that spread close to the real file's.
    /// </summary>
    private const double TeamShotSpread = 0.3;

    private readonly Random _random;
    private readonly DateOnly _firstDate;
    private readonly int _seasonDays;
    private readonly int[] _gamesOut;
    private readonly Dictionary<SyntheticTeam, DateOnly> _lastGameDate = [];

    public GameSimulator(Random random, DateOnly firstDate, DateOnly lastDate, int playerCount)
    {
        _random = random;
        _firstDate = firstDate;
        _seasonDays = lastDate.DayNumber - firstDate.DayNumber + 1;
        _gamesOut = new int[playerCount];
    }

    /// <summary>Games must come in date order: injuries and rest carry over from one to the next.</summary>
    public IReadOnlyList<BoxScore> Play(ScheduledGame game)
    {
        var home = PlayRegulation(game.Home, game.Away, isHome: true, game.Date);
        var away = PlayRegulation(game.Away, game.Home, isHome: false, game.Date);
        while (home.Sum(l => l.Points) == away.Sum(l => l.Points))
        {
            PlayOvertime(home, game.Home, game.Away, isHome: true, game.Date);
            PlayOvertime(away, game.Away, game.Home, isHome: false, game.Date);
        }
        _lastGameDate[game.Home] = game.Date;
        _lastGameDate[game.Away] = game.Date;

        var homeWon = home.Sum(l => l.Points) > away.Sum(l => l.Points);
        return home.Select(l => ToBoxScore(l, game.Date, game.Home, game.Away, isHome: true, homeWon))
            .Concat(away.Select(l => ToBoxScore(l, game.Date, game.Away, game.Home, isHome: false, !homeWon)))
            .ToList();
    }

    private List<PlayerGameLine> PlayRegulation(SyntheticTeam team, SyntheticTeam opponent, bool isHome, DateOnly date)
    {
        var fit = team.Roster.Where(p => !IsOut(p)).ToList();
        var isBackToBack = _lastGameDate.TryGetValue(team, out var last) && last == date.AddDays(-1);

        // A missing rotation player's minutes go to teammates: deep-bench players are promoted
        // to certain appearances, and everyone's share of the 240 minutes grows. On the second
        // night of a back-to-back the rotation is spared a little and the deep bench plays more.
        var missingRotation = team.Roster.Count(p => p.IsRotation) - fit.Count(p => p.IsRotation);
        var appearance = new double[fit.Count];
        var meanMinutes = new double[fit.Count];
        for (var i = 0; i < fit.Count; i++)
        {
            var player = fit[i];
            appearance[i] = player.AppearanceChance;
            meanMinutes[i] = player.MeanMinutes;
            if (player.IsRotation)
            {
                if (isBackToBack) meanMinutes[i] *= BackToBackMinutes;
                continue;
            }
            if (missingRotation > 0)
            {
                appearance[i] = 1.0;
                missingRotation--;
            }
            if (isBackToBack) appearance[i] = Math.Min(1.0, appearance[i] * BackToBackBenchBoost);
        }
        var expectedMinutes = meanMinutes.Select((m, i) => m * appearance[i]).Sum();
        var stretch = expectedMinutes > 0 ? Math.Min(MaxMinutesStretch, TeamMinutesPerGame / expectedMinutes) : 1.0;

        var drawn = new List<(SyntheticPlayer Player, double Minutes)>(fit.Count);
        for (var i = 0; i < fit.Count; i++)
        {
            if (!_random.NextChance(appearance[i])) continue;
            var mean = Math.Min(MaxMeanMinutes, meanMinutes[i] * stretch);
            // Deep-bench minutes vary less in absolute terms than a starter's.
            var noise = Math.Min(MinutesNoise, 0.4 * mean + 0.5);
            var minutes = Math.Clamp(_random.NextNormal(mean, noise), 0, MaxRegulationMinutes);
            if (minutes > 0) drawn.Add((fit[i], minutes));
        }
        if (drawn.Count == 0)
        {
            // Only reachable with tiny custom rosters; a game always has both teams on the floor.
            drawn.Add((fit.Count > 0 ? fit[0] : team.Roster[0], MaxRegulationMinutes));
        }

        // Five players are on the floor for 48 minutes: one player's extra minutes are his teammates' loss.
        var toTeamMinutes = TeamMinutesPerGame / drawn.Sum(d => d.Minutes);
        var shifts = drawn
            .Select(d => (Line: new PlayerGameLine(d.Player), Minutes: Math.Round(Math.Min(MaxRegulationMinutes, d.Minutes * toTeamMinutes), 2)))
            .Where(s => s.Minutes > 0)
            .ToList();
        PlayPeriod(shifts, team, opponent, isHome, date);
        return shifts.Select(s => s.Line).ToList();
    }

    private void PlayOvertime(List<PlayerGameLine> lines, SyntheticTeam team, SyntheticTeam opponent, bool isHome, DateOnly date)
    {
        var shifts = lines
            .OrderByDescending(l => l.Minutes).ThenBy(l => l.Player.RotationRank)
            .Take(OvertimePlayers)
            .Select(l => (Line: l, Minutes: OvertimeMinutes))
            .ToList();
        PlayPeriod(shifts, team, opponent, isHome, date);
    }

    /// <summary>
    /// Plays a stretch of a game for one team. The team's shots are drawn once and shared out by
    /// usage, as possessions are in a real game, so teammates' shot counts move against each other
    /// and team totals vary as little as real ones do.
    /// </summary>
    private void PlayPeriod(List<(PlayerGameLine Line, double Minutes)> shifts, SyntheticTeam team, SyntheticTeam opponent, bool isHome, DateOnly date)
    {
        var day = date.DayNumber - _firstDate.DayNumber;
        var pace = (team.Pace + opponent.Pace) / 2;
        var context = pace * (isHome ? HomeScoringBoost : 1.0) * opponent.OverallDefence;

        var volume = new double[shifts.Count];
        var usage = new double[shifts.Count];
        for (var i = 0; i < shifts.Count; i++)
        {
            var (line, minutes) = shifts[i];
            var form = Math.Max(0.5, line.Player.Form.On(day, (double)day / _seasonDays));
            volume[i] = minutes * form * context;
            // Matchups and foul trouble move a player's share of the shots from night to night.
            usage[i] = line.Player.FieldGoalAttemptsPerMinute * volume[i] * Math.Exp(_random.NextNormal(0, UsageNoise));
        }
        // Possessions are the team's, not the players': whoever is missing, the team still takes
        // its shots, and the players on the floor share them by usage (a star's absence feeds his teammates).
        var teamExpectedShots = ShotsPerTeamGame * shifts.Sum(s => s.Minutes) / TeamMinutesPerGame * context;
        var teamShots = Math.Max(0, (int)Math.Round(_random.NextNormal(teamExpectedShots, TeamShotSpread * Math.Sqrt(teamExpectedShots))));
        var shots = ShareOut(teamShots, usage);

        for (var i = 0; i < shifts.Count; i++)
        {
            var (line, minutes) = shifts[i];
            var player = line.Player;
            var threesAttempted = _random.NextBinomial(shots[i], player.ThreePointShare);
            var twosMade = _random.NextBinomial(shots[i] - threesAttempted,
                Math.Min(MaxMakeChance, player.TwoPointPercentage * opponent.TwoPointDefence));
            var threesMade = _random.NextBinomial(threesAttempted,
                Math.Min(MaxMakeChance, player.ThreePointPercentage * opponent.ThreePointDefence));
            var freeThrowsAttempted = _random.NextPoisson(player.FreeThrowAttemptsPerMinute * volume[i] * opponent.FreeThrowDefence);
            var freeThrowsMade = _random.NextBinomial(freeThrowsAttempted, player.FreeThrowPercentage);
            var form = volume[i] / (minutes * context);

            line.Minutes = Math.Round(line.Minutes + minutes, 2);
            line.FieldGoalsAttempted += shots[i];
            line.ThreesAttempted += threesAttempted;
            line.TwosMade += twosMade;
            line.ThreesMade += threesMade;
            line.FreeThrowsAttempted += freeThrowsAttempted;
            line.FreeThrowsMade += freeThrowsMade;
            line.Rebounds += _random.NextPoisson(player.ReboundsPerMinute * minutes);
            line.Assists += _random.NextPoisson(player.AssistsPerMinute * minutes * form);
            line.Blocks += _random.NextPoisson(player.BlocksPerMinute * minutes);
            line.Steals += _random.NextPoisson(player.StealsPerMinute * minutes);
            line.Turnovers += _random.NextPoisson(player.TurnoversPerMinute * minutes);
        }
    }

    /// <summary>A multinomial draw: splits <paramref name="total"/> in proportion to <paramref name="weights"/>.</summary>
    private int[] ShareOut(int total, double[] weights)
    {
        var shares = new int[weights.Length];
        var weightLeft = weights.Sum();
        for (var i = 0; i < weights.Length && total > 0 && weightLeft > 0; i++)
        {
            shares[i] = i == weights.Length - 1 ? total : _random.NextBinomial(total, Math.Min(1.0, weights[i] / weightLeft));
            total -= shares[i];
            weightLeft -= weights[i];
        }
        return shares;
    }

    /// <summary>Advances the player's injury by one game; true when he misses this one.</summary>
    private bool IsOut(SyntheticPlayer player)
    {
        if (_gamesOut[player.Id] > 0)
        {
            _gamesOut[player.Id]--;
            return true;
        }
        if (!_random.NextChance(InjuryChancePerGame)) return false;
        // Mostly a few games, sometimes a month or more: median 3, long tail.
        var length = 1 + Math.Min(30, (int)Math.Exp(_random.NextNormal(Math.Log(3), 1.0)));
        _gamesOut[player.Id] = length - 1;
        return true;
    }

    private static BoxScore ToBoxScore(PlayerGameLine line, DateOnly date, SyntheticTeam team, SyntheticTeam opponent, bool isHome, bool won) => new()
    {
        PlayerName = line.Player.Name,
        PlayerLookup = PlayerSlug.From(line.Player.Name),
        GameDate = date,
        Team = team.Name,
        Opponent = opponent.Name,
        Win = won,
        Home = isHome,
        Minutes = line.Minutes,
        Points = line.Points,
        Assists = line.Assists,
        Blocks = line.Blocks,
        Steals = line.Steals,
        FieldGoalsAttempted = line.FieldGoalsAttempted,
        FieldGoalsMade = line.FieldGoalsMade,
        ThreesAttempted = line.ThreesAttempted,
        ThreesMade = line.ThreesMade,
        FreeThrowsAttempted = line.FreeThrowsAttempted,
        FreeThrowsMade = line.FreeThrowsMade,
        Rebounds = line.Rebounds,
        Turnovers = line.Turnovers,
    };
}
