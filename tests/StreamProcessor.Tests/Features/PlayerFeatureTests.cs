using StreamProcessor.Systems.Features;
using Xunit;
using static StreamProcessor.Tests.Features.HandMadeLines;

namespace StreamProcessor.Tests.Features;

public class PlayerFeatureTests
{
    private const double Tolerance = 1e-9;

    // Pat Ace's six games before 2024-11-02. Points = 2*FG + 3PM + FTM.
    //  date   FGA FG 3PA 3PM FTA FTM  MIN REB AST | PTS  2pt 3pt ft
    //  10-22   10  5   4   2   2   2   30   5   4 |  14    6   6  2
    //  10-24    8  4   2   0   4   2   25   3   2 |  10    8   0  2
    //  10-25   12  7   5   3   0   0   35   7   6 |  17    8   9  0
    //  10-28    6  2   2   1   2   1   20   2   1 |   6    2   3  1
    //  10-30   15  8   6   2   6   5   36   8   3 |  23   12   6  5
    //  11-01    9  5   3   1   2   0   30   5   2 |  11    8   3  0
    //  sums    60 31  22   9  16  10  176  30  18 |  81   44  27 10
    private static readonly IReadOnlyList<StreamProcessor.Systems.Domain.BoxScore> SixGames =
    [
        Line("Pat Ace", "2024-10-22", "Aces", "Bears", fga: 10, fg: 5, threesAttempted: 4, threesMade: 2, fta: 2, ftm: 2, minutes: 30, rebounds: 5, assists: 4),
        Line("Pat Ace", "2024-10-24", "Aces", "Bears", fga: 8, fg: 4, threesAttempted: 2, threesMade: 0, fta: 4, ftm: 2, minutes: 25, rebounds: 3, assists: 2),
        Line("Pat Ace", "2024-10-25", "Aces", "Bears", fga: 12, fg: 7, threesAttempted: 5, threesMade: 3, fta: 0, ftm: 0, minutes: 35, rebounds: 7, assists: 6),
        Line("Pat Ace", "2024-10-28", "Aces", "Bears", fga: 6, fg: 2, threesAttempted: 2, threesMade: 1, fta: 2, ftm: 1, minutes: 20, rebounds: 2, assists: 1),
        Line("Pat Ace", "2024-10-30", "Aces", "Bears", fga: 15, fg: 8, threesAttempted: 6, threesMade: 2, fta: 6, ftm: 5, minutes: 36, rebounds: 8, assists: 3),
        Line("Pat Ace", "2024-11-01", "Aces", "Bears", fga: 9, fg: 5, threesAttempted: 3, threesMade: 1, fta: 2, ftm: 0, minutes: 30, rebounds: 5, assists: 2),
        // The game being described: a huge line that must not leak into its own features.
        Line("Pat Ace", "2024-11-02", "Aces", "Bears", home: false, fga: 30, fg: 20, threesAttempted: 10, threesMade: 8, fta: 10, ftm: 10, minutes: 48, rebounds: 20, assists: 15),
    ];

    private static PlayerFeatures Target => FeatureBuilder.Build(SixGames).RowOf("Pat Ace", "2024-11-02");

    [Fact]
    public void Points_averages_use_the_last_n_games_or_all_of_them_when_fewer()
    {
        var f = Target;
        Assert.Equal((6 + 23 + 11) / 3.0, f[Feature.PointsAvgLast3], Tolerance);       // 13.333
        Assert.Equal((10 + 17 + 6 + 23 + 11) / 5.0, f[Feature.PointsAvgLast5], Tolerance); // 13.4
        Assert.Equal(81 / 6.0, f[Feature.PointsAvgLast10], Tolerance);                 // only 6 games: 13.5
        Assert.Equal(81 / 6.0, f[Feature.PointsAvgSeason], Tolerance);
        Assert.Equal(6, f[Feature.GamesPlayed]);
    }

    [Fact]
    public void Spread_is_the_sample_standard_deviation()
    {
        var f = Target;
        // Points around 13.5: squares 0.25 + 12.25 + 12.25 + 56.25 + 90.25 + 6.25 = 177.5, / (6-1) = 35.5.
        Assert.Equal(Math.Sqrt(35.5), f[Feature.PointsStdLast10], Tolerance);
        // Minutes around 176/6: squared deviations sum to 183.333..., / 5 = 36.666...
        Assert.Equal(Math.Sqrt(110.0 / 3), f[Feature.MinutesStdLast10], Tolerance);
    }

    [Fact]
    public void Ewma_weighs_the_newest_game_most()
    {
        // Newest first: 11*1 + 23*0.9 + 6*0.81 + 17*0.729 + 10*0.6561 + 14*0.59049 = 63.78086,
        // weights 1 + 0.9 + 0.81 + 0.729 + 0.6561 + 0.59049 = 4.68559 -> 13.6122...
        Assert.Equal(63.78086 / 4.68559, Target[Feature.PointsEwma], Tolerance);
    }

    [Fact]
    public void Minutes_rates_and_usage()
    {
        var f = Target;
        Assert.Equal(146 / 5.0, f[Feature.MinutesAvgLast5], Tolerance);        // 29.2
        Assert.Equal(176 / 6.0, f[Feature.MinutesAvgLast10], Tolerance);
        Assert.Equal(176 / 6.0, f[Feature.MinutesAvgSeason], Tolerance);       // 29.333
        Assert.Equal(146 / 5.0 - 176 / 6.0, f[Feature.MinutesTrend], Tolerance); // -0.1333
        Assert.Equal(81 / 176.0, f[Feature.PointsPerMinuteSeason], Tolerance);
        Assert.Equal(81 / 176.0, f[Feature.PointsPerMinuteLast10], Tolerance);
        // (60 FGA + 0.44 * 16 FTA) / 176 minutes = 67.04 / 176.
        Assert.Equal(67.04 / 176, f[Feature.UsageSeason], Tolerance);
        Assert.Equal(67.04 / 176, f[Feature.UsageLast10], Tolerance);
    }

    [Fact]
    public void Shot_mix_percentages_and_counting_stats()
    {
        var f = Target;
        Assert.Equal(44 / 81.0, f[Feature.ShareTwoPoint], Tolerance);
        Assert.Equal(27 / 81.0, f[Feature.ShareThreePoint], Tolerance);
        Assert.Equal(10 / 81.0, f[Feature.ShareFreeThrow], Tolerance);
        Assert.Equal(31 / 60.0, f[Feature.FieldGoalPctSeason], Tolerance);
        Assert.Equal(9 / 22.0, f[Feature.ThreePointPctSeason], Tolerance);
        Assert.Equal(10 / 16.0, f[Feature.FreeThrowPctSeason], Tolerance);
        Assert.Equal(30 / 6.0, f[Feature.ReboundsAvgLast10], Tolerance);
        Assert.Equal(18 / 6.0, f[Feature.AssistsAvgLast10], Tolerance);
        Assert.Equal(9 / 6.0, f[Feature.ThreesMadeAvgLast10], Tolerance);
    }

    [Fact]
    public void Rest_home_and_recent_form()
    {
        var f = Target;
        Assert.Equal(1, f[Feature.DaysRest]);       // 11-01 -> 11-02
        Assert.Equal(1, f[Feature.BackToBack]);
        Assert.Equal(0, f[Feature.Home]);           // the described row is away
        Assert.Equal(13.4 / 13.5 - 1, f[Feature.RecentForm], Tolerance);

        var rows = FeatureBuilder.Build(SixGames);
        var afterTwoDaysOff = rows.RowOf("Pat Ace", "2024-10-28");
        Assert.Equal(3, afterTwoDaysOff[Feature.DaysRest]);
        Assert.Equal(0, afterTwoDaysOff[Feature.BackToBack]);
        Assert.Equal(1, afterTwoDaysOff[Feature.Home]);
    }

    [Fact]
    public void A_first_game_reports_its_history_as_missing()
    {
        var first = FeatureBuilder.Build(SixGames).RowOf("Pat Ace", "2024-10-22");
        Assert.Equal(0, first[Feature.GamesPlayed]);
        Assert.True(double.IsNaN(first[Feature.DaysRest]));
        Assert.True(double.IsNaN(first[Feature.BackToBack]));
        Assert.True(double.IsNaN(first[Feature.PointsAvgSeason]));
        Assert.True(double.IsNaN(first[Feature.RecentForm]));
        Assert.Contains(Feature.DaysRest, first.MissingFeatures);
        Assert.Equal(GameContext.UnknownRestDays, first.DaysRest);

        // One game is enough for averages but not for a spread.
        var second = FeatureBuilder.Build(SixGames).RowOf("Pat Ace", "2024-10-24");
        Assert.Equal(14, second[Feature.PointsAvgSeason]);
        Assert.Equal(14, second[Feature.PointsEwma]);
        Assert.True(double.IsNaN(second[Feature.PointsStdLast10]));
        Assert.Equal(0, second[Feature.RecentForm]);
    }

    [Fact]
    public void Last_ten_differs_from_season_after_ten_games()
    {
        // Twelve games scoring 1, 2, ..., 12 free throws, one every other day, then the 13th.
        var lines = Enumerable.Range(1, 13)
            .Select(n => Line("Ty Free", DateOnly.Parse("2024-10-22").AddDays(2 * (n - 1)).ToString("yyyy-MM-dd"), "Aces", "Bears",
                fta: n, ftm: n, minutes: n <= 12 ? 10 * (n % 2 + 1) : 48))
            .ToList();
        var f = FeatureBuilder.Build(lines).RowOf("Ty Free", "2024-11-15");
        Assert.Equal(12, f[Feature.GamesPlayed]);
        Assert.Equal(11.0, f[Feature.PointsAvgLast3], Tolerance);    // 10, 11, 12
        Assert.Equal(10.0, f[Feature.PointsAvgLast5], Tolerance);    // 8..12
        Assert.Equal(7.5, f[Feature.PointsAvgLast10], Tolerance);    // 3..12
        Assert.Equal(6.5, f[Feature.PointsAvgSeason], Tolerance);    // 1..12
        Assert.Equal(10.0 / 6.5 - 1, f[Feature.RecentForm], Tolerance);
        Assert.Equal(Math.Sqrt(55.0 / 6), f[Feature.PointsStdLast10], Tolerance); // var of 10 consecutive integers: 9.1666
        Assert.Equal(75 / 150.0, f[Feature.PointsPerMinuteLast10], Tolerance);   // 3..12 over 5*20 + 5*10 minutes
        Assert.Equal(1.0, f[Feature.ShareFreeThrow], Tolerance);
        Assert.True(double.IsNaN(f[Feature.FieldGoalPctSeason]));  // no field-goal attempts
        Assert.True(double.IsNaN(f[Feature.ThreePointPctSeason]));
        Assert.Equal(2, f[Feature.DaysRest]);
    }

    [Fact]
    public void A_new_season_starts_from_zero_but_rest_counts_across_it()
    {
        var lines = new[]
        {
            Line("Sam Old", "2024-04-14", "Aces", "Bears", fg: 10),  // 2023-24 season: 20 points
            Line("Sam Old", "2024-10-22", "Aces", "Bears", fg: 3),   // 2024-25 opener: 6 points
            Line("Sam Old", "2024-10-23", "Aces", "Bears", fg: 4),
        };
        var rows = FeatureBuilder.Build(lines);

        var opener = rows.RowOf("Sam Old", "2024-10-22");
        Assert.Equal(0, opener[Feature.GamesPlayed]);
        Assert.True(double.IsNaN(opener[Feature.PointsAvgLast5]));
        Assert.Equal(10, opener[Feature.DaysRest]);              // capped
        Assert.Equal(0, opener[Feature.BackToBack]);

        var second = rows.RowOf("Sam Old", "2024-10-23");
        Assert.Equal(1, second[Feature.GamesPlayed]);
        Assert.Equal(6, second[Feature.PointsAvgSeason]);
        Assert.Equal(6, second[Feature.PointsAvgLast10]);
    }

    [Theory]
    [InlineData("2024-08-01", 2024)]
    [InlineData("2024-12-31", 2024)]
    [InlineData("2025-01-01", 2024)]
    [InlineData("2025-07-31", 2024)]
    public void Dates_belong_to_the_season_that_starts_in_the_autumn(string date, int season) =>
        Assert.Equal(season, NbaSeason.StartYearOf(DateOnly.Parse(date)));

    [Fact]
    public void Options_change_the_tunable_numbers()
    {
        var options = new FeatureBuilderOptions { EwmaDecay = 0.5, MaxDaysRest = 2 };
        var f = FeatureBuilder.Build(SixGames, options).RowOf("Pat Ace", "2024-10-28");
        // Before 10-28: 17, 10, 14 newest first -> (17 + 5 + 3.5) / (1 + 0.5 + 0.25).
        Assert.Equal(25.5 / 1.75, f[Feature.PointsEwma], Tolerance);
        Assert.Equal(2, f[Feature.DaysRest]);
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureBuilder.Build(SixGames, new FeatureBuilderOptions { EwmaDecay = 0 }));
    }

    [Fact]
    public void Duplicate_lines_count_once_and_conflicting_ones_are_rejected()
    {
        var doubled = SixGames.Concat(SixGames).ToList();
        Assert.Equal(Target.Values.ToArray(), FeatureBuilder.Build(doubled).RowOf("Pat Ace", "2024-11-02").Values.ToArray());

        var conflicting = SixGames.Append(SixGames[0] with { Rebounds = 99 }).ToList();
        Assert.Throws<ArgumentException>(() => FeatureBuilder.Build(conflicting));
    }
}
