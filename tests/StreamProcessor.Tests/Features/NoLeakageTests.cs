using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using Xunit;

namespace StreamProcessor.Tests.Features;

/// <summary>
/// The feature store's one hard promise: a row dated D is built from games before D only. On the
/// real season, rewriting every statistic from D onwards, or cutting the data after D, must leave
/// every feature of every row dated D bit-for-bit unchanged.
/// </summary>
public class NoLeakageTests
{
    private static readonly Lazy<IReadOnlyList<PlayerFeatures>> Original = new(() => FeatureBuilder.Build(FeatureTestData.RealSeason));

    [Theory]
    [InlineData("2024-11-15")]
    [InlineData("2025-01-10")]
    [InlineData("2025-02-12")]
    public void Rewriting_every_statistic_from_the_date_onwards_changes_nothing_on_that_date(string day)
    {
        var date = DateOnly.Parse(day);
        var rewritten = Rewrite(FeatureTestData.RealSeason, g => g.GameDate >= date, seed: date.DayNumber);

        AssertIdentical(RowsOn(Original.Value, date), RowsOn(FeatureBuilder.Build(rewritten), date));
    }

    [Theory]
    [InlineData("2024-11-15")]
    [InlineData("2025-01-10")]
    [InlineData("2025-02-12")]
    public void Cutting_the_data_after_the_date_changes_nothing_on_that_date(string day)
    {
        var date = DateOnly.Parse(day);
        var truncated = FeatureTestData.RealSeason.Where(g => g.GameDate <= date).ToList();

        AssertIdentical(RowsOn(Original.Value, date), RowsOn(FeatureBuilder.Build(truncated), date));
    }

    /// <summary>Proves the two tests above can fail: the same rewrite one game day earlier must show.</summary>
    [Theory]
    [InlineData("2024-11-15")]
    [InlineData("2025-01-10")]
    [InlineData("2025-02-12")]
    public void Rewriting_the_previous_game_day_does_change_the_date(string day)
    {
        var date = DateOnly.Parse(day);
        var previousDay = FeatureTestData.RealSeason.Where(g => g.GameDate < date).Max(g => g.GameDate);
        var rewritten = Rewrite(FeatureTestData.RealSeason, g => g.GameDate == previousDay, seed: date.DayNumber);

        var before = RowsOn(Original.Value, date);
        var after = RowsOn(FeatureBuilder.Build(rewritten), date);

        Assert.Contains(before.Zip(after), p => p.First[Feature.PointsAvgLast3] != p.Second[Feature.PointsAvgLast3]);
        Assert.Contains(before.Zip(after), p => p.First[Feature.OpponentDefRatingRel] != p.Second[Feature.OpponentDefRatingRel]);
        Assert.Contains(before.Zip(after), p => p.First[Feature.TeamPaceRel] != p.Second[Feature.TeamPaceRel]);
    }

    [Fact]
    public void The_rewrite_really_rewrites_every_selected_line()
    {
        var date = DateOnly.Parse("2025-02-12");
        var original = FeatureTestData.RealSeason;
        var rewritten = Rewrite(original, g => g.GameDate >= date, seed: 1);

        var selected = original.Count(g => g.GameDate >= date);
        var changed = original.Zip(rewritten).Count(p => p.First != p.Second);
        Assert.True(selected > 1000);
        Assert.Equal(selected, changed);
        Assert.All(rewritten, g => Assert.Equal(2 * g.FieldGoalsMade + g.ThreesMade + g.FreeThrowsMade, g.Points));
        Assert.All(original.Zip(rewritten), p => Assert.Equal(
            (p.First.PlayerLookup, p.First.GameDate, p.First.Team, p.First.Opponent, p.First.Home),
            (p.Second.PlayerLookup, p.Second.GameDate, p.Second.Team, p.Second.Opponent, p.Second.Home)));
    }

    private static IReadOnlyList<PlayerFeatures> RowsOn(IReadOnlyList<PlayerFeatures> rows, DateOnly date)
    {
        var onDate = rows.Where(r => r.GameDate == date).ToList();
        Assert.True(onDate.Count > 100, $"expected a busy game day on {date}, found {onDate.Count} rows");
        return onDate;
    }

    private static void AssertIdentical(IReadOnlyList<PlayerFeatures> expected, IReadOnlyList<PlayerFeatures> actual)
    {
        Assert.Equal(expected.Select(r => r.Key), actual.Select(r => r.Key));
        var differences = new List<string>();
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal((e.GameId, e.Team, e.Opponent), (a.GameId, a.Team, a.Opponent));
            foreach (var feature in FeatureCatalog.All)
            {
                if (BitConverter.DoubleToInt64Bits(e[feature]) != BitConverter.DoubleToInt64Bits(a[feature]))
                    differences.Add($"{e.Key} {feature.ColumnName()}: {e[feature]:R} != {a[feature]:R}");
            }
        }
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(20)));
    }

    /// <summary>
    /// Replaces every statistic of the selected lines with random but self-consistent values
    /// (PTS = 2*FG + 3PM + FTM, makes never above attempts), keeping who, when, where and against whom.
    /// </summary>
    private static List<BoxScore> Rewrite(IReadOnlyList<BoxScore> games, Func<BoxScore, bool> selected, int seed)
    {
        var random = new Random(seed);
        return games.Select(g => selected(g) ? Scramble(g, random) : g).ToList();
    }

    private static BoxScore Scramble(BoxScore game, Random random)
    {
        var fga = random.Next(0, 31);
        var fg = random.Next(0, fga + 1);
        var threesAttempted = random.Next(0, fga + 1);
        var threesMade = random.Next(0, Math.Min(threesAttempted, fg) + 1);
        var fta = random.Next(0, 16);
        var ftm = random.Next(0, fta + 1);
        return game with
        {
            Minutes = Math.Round(random.NextDouble() * 48, 2),
            Points = 2 * fg + threesMade + ftm,
            Assists = random.Next(0, 15),
            Blocks = random.Next(0, 6),
            Steals = random.Next(0, 6),
            FieldGoalsAttempted = fga,
            FieldGoalsMade = fg,
            ThreesAttempted = threesAttempted,
            ThreesMade = threesMade,
            FreeThrowsAttempted = fta,
            FreeThrowsMade = ftm,
            Rebounds = random.Next(0, 20),
            Turnovers = random.Next(0, 8),
            Win = random.Next(2) == 1,
        };
    }
}
