using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Features;

/// <summary>
/// Every team's games, season by season, built once from the box scores so that "this team's
/// last N games before a date" and "the whole league before a date" are binary searches.
/// A team game is only used when both teams have player lines that day: points allowed come
/// from the opponent's lines.
/// </summary>
internal sealed class TeamGameLog
{
    private readonly Dictionary<(string Team, int Season), TeamGame[]> _byTeam;
    private readonly Dictionary<int, (DateOnly[] Dates, DefenceTotals[] Before)> _league;
    private readonly int _windowGames;

    private TeamGameLog(
        Dictionary<(string, int), TeamGame[]> byTeam,
        Dictionary<int, (DateOnly[], DefenceTotals[])> league,
        int windowGames)
    {
        _byTeam = byTeam;
        _league = league;
        _windowGames = windowGames;
    }

    public static TeamGameLog From(IEnumerable<BoxScore> lines, int windowGames)
    {
        var byTeamDate = lines
            .GroupBy(l => (l.Team, l.GameDate))
            .ToDictionary(g => g.Key, g => (Scoring: TeamScoring.Of(g), g.First().Opponent));

        var games = new List<TeamGame>(byTeamDate.Count);
        foreach (var ((team, date), side) in byTeamDate)
        {
            if (byTeamDate.TryGetValue((side.Opponent, date), out var other))
                games.Add(new TeamGame(team, date, side.Scoring, other.Scoring));
        }

        // Sorting by date then team fixes the order of every floating-point sum, so a feature
        // depends only on the earlier games' values, never on input order or later games.
        games.Sort((a, b) => a.GameDate != b.GameDate
            ? a.GameDate.CompareTo(b.GameDate)
            : string.CompareOrdinal(a.Team, b.Team));

        var byTeam = games
            .GroupBy(g => (g.Team, NbaSeason.StartYearOf(g.GameDate)))
            .ToDictionary(g => g.Key, g => g.ToArray());

        var league = new Dictionary<int, (DateOnly[], DefenceTotals[])>();
        foreach (var season in games.GroupBy(g => NbaSeason.StartYearOf(g.GameDate)))
        {
            var seasonGames = season.ToArray();
            var dates = seasonGames.Select(g => g.GameDate).ToArray();
            var before = new DefenceTotals[seasonGames.Length + 1];
            for (var i = 0; i < seasonGames.Length; i++) before[i + 1] = before[i].Add(seasonGames[i]);
            league[season.Key] = (dates, before);
        }

        return new TeamGameLog(byTeam, league, windowGames);
    }

    /// <summary>The team's last games of the season strictly before <paramref name="date"/>; null when it has none.</summary>
    public DefenceSummary? TeamBefore(string team, DateOnly date)
    {
        if (!_byTeam.TryGetValue((team, NbaSeason.StartYearOf(date)), out var games)) return null;
        var end = CountBefore(games, static g => g.GameDate, date);
        var totals = new DefenceTotals();
        for (var i = Math.Max(0, end - _windowGames); i < end; i++) totals = totals.Add(games[i]);
        return totals.Summary();
    }

    /// <summary>Every team game of the season strictly before <paramref name="date"/>; null when there is none.</summary>
    public DefenceSummary? LeagueBefore(DateOnly date)
    {
        if (!_league.TryGetValue(NbaSeason.StartYearOf(date), out var season)) return null;
        return season.Before[CountBefore(season.Dates, static d => d, date)].Summary();
    }

    /// <summary>How many items (sorted by date) are dated strictly before <paramref name="date"/>.</summary>
    private static int CountBefore<T>(T[] sortedByDate, Func<T, DateOnly> dateOf, DateOnly date)
    {
        int lo = 0, hi = sortedByDate.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (dateOf(sortedByDate[mid]) < date) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
