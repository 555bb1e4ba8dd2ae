using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using Xunit;

namespace StreamProcessor.Tests.Features;

public class HistoricalGamesTests
{
    private static readonly DateOnly Tonight = new(2025, 2, 12);

    [Fact]
    public void From_describes_a_game_by_what_was_known_before_it_plus_what_happened()
    {
        var values = new double[FeatureCatalog.Count];
        Array.Fill(values, double.NaN);
        values[(int)Feature.OpponentDefRatingRel] = 0.95;  // below 0.97: elite defence
        values[(int)Feature.RecentForm] = 0.20;            // above +15 %: hot
        values[(int)Feature.DaysRest] = 2;
        values[(int)Feature.Home] = 1;
        var features = new PlayerFeatures(new PlayerDate("pat-ace", new DateOnly(2025, 1, 5)), "20250105_BEA_ACE", "Aces", "Bears", values);

        var game = HistoricalGames.From(features, points: 31, minutes: 36.5);

        Assert.Equal(new HistoricalGame
        {
            GameDate = new DateOnly(2025, 1, 5),
            OpponentTier = OpponentTier.Elite,
            DaysRest = 2,
            Home = true,
            RecentForm = RecentForm.Hot,
            Points = 31,
            Minutes = 36.5,
        }, game);
    }

    [Fact]
    public void From_falls_back_to_the_shared_defaults_for_a_first_game()
    {
        var values = new double[FeatureCatalog.Count];
        Array.Fill(values, double.NaN);
        values[(int)Feature.Home] = 0;
        var features = new PlayerFeatures(new PlayerDate("pat-ace", new DateOnly(2024, 10, 22)), "20241022_ACE_BEA", "Aces", "Bears", values);

        var game = HistoricalGames.From(features, points: 8, minutes: 20);

        Assert.Equal(OpponentTier.Average, game.OpponentTier);
        Assert.Equal(RecentForm.Normal, game.RecentForm);
        Assert.Equal(GameContext.UnknownRestDays, game.DaysRest);
        Assert.False(game.Home);
    }

    [Fact]
    public void Select_keeps_games_strictly_before_the_date_within_the_window_newest_first()
    {
        var games = new[] { -91, -90, -30, -1, 0, 5, -2 }.Select(days => Game(Tonight.AddDays(days))).ToList();

        var selected = HistoricalGames.Select(Tonight, games, HistoryOptions.Default);

        Assert.Equal(
            new[] { -1, -2, -30, -90 }.Select(days => Tonight.AddDays(days)),
            selected.Select(g => g.GameDate));
    }

    [Fact]
    public void Select_caps_at_the_most_recent_games()
    {
        var games = Enumerable.Range(1, 45).Select(days => Game(Tonight.AddDays(-days))).Reverse().ToList();

        var selected = HistoricalGames.Select(Tonight, games, HistoryOptions.Default);
        Assert.Equal(30, selected.Count);
        Assert.Equal(Tonight.AddDays(-1), selected[0].GameDate);
        Assert.Equal(Tonight.AddDays(-30), selected[^1].GameDate);

        var narrow = HistoricalGames.Select(Tonight, games, new HistoryOptions { MaxGames = 5, WindowDays = 3 });
        Assert.Equal(new[] { -1, -2, -3 }.Select(days => Tonight.AddDays(days)), narrow.Select(g => g.GameDate));
    }

    [Fact]
    public void Defaults_are_thirty_games_in_ninety_days()
    {
        Assert.Equal(30, HistoryOptions.Default.MaxGames);
        Assert.Equal(90, HistoryOptions.Default.WindowDays);
    }

    private static HistoricalGame Game(DateOnly date) => new()
    {
        GameDate = date,
        OpponentTier = OpponentTier.Average,
        DaysRest = 2,
        Home = true,
        RecentForm = RecentForm.Normal,
        Points = 20,
        Minutes = 30,
    };
}
