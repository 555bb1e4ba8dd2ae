using StreamProcessor.Stream.Data;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Synthesis;
using Xunit;

namespace StreamProcessor.Tests.Synthesis;

public class SeasonGeneratorTests
{
    // Generated once: every test below looks at the same default season.
    private static readonly Lazy<IReadOnlyList<BoxScore>> Default = new(() => SeasonGenerator.Generate(new SeasonGeneratorOptions()));

    private static IReadOnlyList<BoxScore> Season => Default.Value;

    private static IEnumerable<IGrouping<(DateOnly Date, string Team), BoxScore>> TeamGames(IEnumerable<BoxScore> rows) =>
        rows.GroupBy(r => (r.GameDate, r.Team));

    [Fact]
    public void The_default_season_has_real_league_volume_and_scoring()
    {
        var teamPoints = TeamGames(Season).Select(g => g.Sum(r => r.Points)).ToList();

        Assert.InRange(Season.Count, 25_000, 35_000);
        Assert.InRange(Season.Average(r => r.Points), 9.0, 13.0);       // real file: 10.55
        Assert.InRange(teamPoints.Average(), 100.0, 125.0);               // real file: 113.5
        Assert.All(Season, r => Assert.InRange(r.Minutes, 0.01, 60.0));   // nobody listed who did not play
        Assert.Equal(new DateOnly(2024, 10, 22), Season.Select(r => r.GameDate).Min());
        Assert.True(Season.Select(r => r.GameDate).Max() <= new DateOnly(2025, 4, 13));
    }

    [Fact]
    public void Every_game_has_both_teams_one_home_and_one_winner()
    {
        var byTeamGame = TeamGames(Season).ToDictionary(g => g.Key, g => g.ToList());

        foreach (var ((date, team), rows) in byTeamGame)
        {
            var opponent = Assert.Single(rows.Select(r => r.Opponent).Distinct());
            Assert.True(byTeamGame.TryGetValue((date, opponent), out var other), $"{team} played {opponent} on {date} but {opponent} has no rows");
            Assert.Equal(team, Assert.Single(other.Select(r => r.Opponent).Distinct()));

            var (home, won, points) = (rows[0].Home, rows[0].Win, rows.Sum(r => r.Points));
            Assert.All(rows, r => Assert.Equal((home, won), (r.Home, r.Win)));
            Assert.NotEqual(home, other[0].Home);
            Assert.NotEqual(won, other[0].Win);
            Assert.Equal(won, points > other.Sum(r => r.Points)); // no ties: overtime decides
        }
    }

    [Fact]
    public void No_player_appears_twice_on_a_date_and_each_player_has_one_name_and_one_team()
    {
        Assert.Equal(Season.Count, Season.Select(r => (r.PlayerLookup, r.GameDate)).Distinct().Count());

        foreach (var player in Season.GroupBy(r => r.PlayerLookup))
        {
            Assert.Single(player.Select(r => r.PlayerName).Distinct());
            Assert.Single(player.Select(r => r.Team).Distinct());
        }
    }

    [Fact]
    public void Every_team_plays_a_full_balanced_schedule_with_some_back_to_backs()
    {
        var teams = TeamGames(Season).Select(g => (g.Key.Team, g.Key.Date, g.First().Home)).GroupBy(g => g.Team).ToList();

        Assert.Equal(TeamCodes.NbaNicknames.OrderBy(n => n), teams.Select(t => t.Key).OrderBy(n => n));
        foreach (var team in teams)
        {
            var dates = team.Select(g => g.Date).Order().ToList();
            var backToBacks = dates.Zip(dates.Skip(1), (a, b) => b.DayNumber - a.DayNumber == 1).Count(x => x);

            Assert.InRange(dates.Count, 78, 86);
            Assert.InRange(team.Count(g => g.Home), dates.Count / 2 - 2, dates.Count / 2 + 2);
            Assert.InRange((double)backToBacks / dates.Count, 0.10, 0.25);
        }
    }

    [Fact]
    public void Player_season_averages_range_from_deep_bench_to_stars()
    {
        var averages = Season.GroupBy(r => r.PlayerLookup).Where(p => p.Count() >= 10).Select(p => p.Average(r => r.Points)).ToList();

        Assert.True(averages.Min() < 3, $"lowest average {averages.Min():F1}");
        Assert.True(averages.Max() > 25, $"highest average {averages.Max():F1}");
    }

    [Fact]
    public void The_effects_prediction_systems_look_for_are_in_the_data()
    {
        var teamDates = Season.Select(r => (r.Team, r.GameDate)).ToHashSet();
        bool IsBackToBack(BoxScore r) => teamDates.Contains((r.Team, r.GameDate.AddDays(-1)));

        var starters = Season.GroupBy(r => r.PlayerLookup)
            .Where(p => p.Count() >= 30 && p.Average(r => r.Minutes) >= 28)
            .Select(p => (Mean: p.Average(r => r.Minutes), Games: p.ToList()))
            .ToList();
        double RelativeMinutes(bool backToBack) =>
            starters.SelectMany(s => s.Games.Where(g => IsBackToBack(g) == backToBack).Select(g => g.Minutes / s.Mean)).Average();

        Assert.True(RelativeMinutes(backToBack: true) < RelativeMinutes(backToBack: false), "starters should play less on back-to-backs");
        Assert.True(Season.Where(r => r.Home).Sum(r => r.Points) > Season.Where(r => !r.Home).Sum(r => r.Points), "home teams should score more");

        var pointsAllowed = TeamGames(Season).GroupBy(g => g.First().Opponent).Select(o => o.Average(g => g.Sum(r => r.Points))).ToList();
        Assert.True(pointsAllowed.Max() - pointsAllowed.Min() > 5, "defences should differ");

        // Injuries: some regular players miss a stretch of their team's games.
        var teamGameDates = Season.GroupBy(r => r.Team).ToDictionary(t => t.Key, t => t.Select(r => r.GameDate).Distinct().Order().ToList());
        var longestAbsences = starters.Select(s =>
        {
            var played = s.Games.Select(g => g.GameDate).ToHashSet();
            var longest = 0;
            var current = 0;
            foreach (var date in teamGameDates[s.Games[0].Team])
            {
                current = played.Contains(date) ? 0 : current + 1;
                longest = Math.Max(longest, current);
            }
            return longest;
        }).ToList();
        Assert.Contains(longestAbsences, a => a >= 5);
        Assert.InRange(longestAbsences.Count(a => a == 0), 1, starters.Count - 1);
    }

    [Fact]
    public void Rows_are_sorted_by_date_team_and_player()
    {
        var sorted = Season.OrderBy(r => r.GameDate).ThenBy(r => r.Team, StringComparer.Ordinal).ThenBy(r => r.PlayerName, StringComparer.Ordinal);

        Assert.Equal(sorted, Season);
    }

    [Fact]
    public void The_same_seed_gives_the_same_season_and_another_seed_a_different_one()
    {
        var again = SeasonGenerator.Generate(new SeasonGeneratorOptions { Seed = 42 });
        var other = SeasonGenerator.Generate(new SeasonGeneratorOptions { Seed = 43 });

        Assert.Equal(Season, again);
        Assert.NotEqual(Season.Take(500), other.Take(500));
    }

    [Fact]
    public void A_generated_season_round_trips_through_the_csv_writer_and_reader_without_errors()
    {
        var text = new StringWriter();
        BoxScoreCsvWriter.Write(text, Season);

        var result = BoxScoreCsvReader.Read(new StringReader(text.ToString()), "synth.csv");

        Assert.True(result.IsClean, string.Join("\n", result.Errors.Take(5)));
        Assert.Equal(Season, result.Rows);
    }

    [Fact]
    public void A_small_custom_league_gets_the_games_it_asks_for()
    {
        var options = new SeasonGeneratorOptions
        {
            Seed = 7,
            Teams = ["Owls", "Foxes", "Bears", "Hawks"],
            FirstDate = new DateOnly(2025, 1, 1),
            LastDate = new DateOnly(2025, 2, 28),
            GamesPerTeam = 20,
        };

        var rows = SeasonGenerator.Generate(options);

        var gamesPerTeam = TeamGames(rows).GroupBy(g => g.Key.Team).ToDictionary(t => t.Key, t => t.Count());
        Assert.Equal(options.Teams.Order(), gamesPerTeam.Keys.Order());
        Assert.All(gamesPerTeam.Values, n => Assert.InRange(n, 18, 20));
        Assert.All(rows, r => Assert.InRange(r.GameDate, options.FirstDate, options.LastDate));
    }

    [Fact]
    public void Impossible_options_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SeasonGenerator.Generate(new SeasonGeneratorOptions { Teams = ["Solo"] }));
        Assert.Throws<ArgumentException>(() => SeasonGenerator.Generate(new SeasonGeneratorOptions { LastDate = new DateOnly(2024, 10, 1) }));
        Assert.Throws<ArgumentException>(() => SeasonGenerator.Generate(new SeasonGeneratorOptions { MinRosterSize = 5 }));
    }
}
