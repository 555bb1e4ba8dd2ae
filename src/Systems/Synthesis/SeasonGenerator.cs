using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Synthesis;

/// <summary>
/// Invents a whole regular season of box scores, deterministic for a seed, realistic enough
/// that prediction systems find the signal they find in real data: player roles and scoring
/// rates, opponent defence by zone, pace, home court, back-to-backs, form drifting over the
/// season, and injuries whose minutes go to teammates.
/// </summary>
public static class SeasonGenerator
{
    /// <summary>Every player who got on the floor in every game, sorted by date, team and player name.</summary>
    public static IReadOnlyList<BoxScore> Generate(SeasonGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var random = new Random(options.Seed);
        var teams = LeagueBuilder.Build(options, random);
        var schedule = ScheduleBuilder.Build(teams, options.FirstDate, options.LastDate, options.GamesPerTeam, random);
        var simulator = new GameSimulator(random, options.FirstDate, options.LastDate, teams.Sum(t => t.Roster.Count));

        var rows = schedule.SelectMany(simulator.Play).ToList();
        rows.Sort(static (a, b) =>
        {
            var byDate = a.GameDate.CompareTo(b.GameDate);
            if (byDate != 0) return byDate;
            var byTeam = string.CompareOrdinal(a.Team, b.Team);
            return byTeam != 0 ? byTeam : string.CompareOrdinal(a.PlayerName, b.PlayerName);
        });
        return rows;
    }
}
