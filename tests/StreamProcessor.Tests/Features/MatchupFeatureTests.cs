using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using Xunit;
using static StreamProcessor.Tests.Features.HandMadeLines;

namespace StreamProcessor.Tests.Features;

public class MatchupFeatureTests
{
    private const double Tolerance = 1e-9;

    // A three-team league. Team totals (FG, 3PM, FTM, FGA, FTA, TOV) -> points (2pt/3pt/ft) and
    // possessions = FGA + 0.44*FTA + TOV:
    //  10-22 Aces  40 10 15 85 20 12 -> 105 (60/30/15), 105.8   (two players: Al Ace + Pat Ace)
    //        Bears 38 12 12 90 15 14 -> 100 (52/36/12), 110.6
    //  10-24 Bears 42  8 20 88 25 10 -> 112 (68/24/20), 109.0
    //        Cats  35 15 10 80 10 15 ->  95 (40/45/10),  99.4
    //  10-26 Aces vs Cats: the described game; its numbers must not matter.
    private static readonly IReadOnlyList<BoxScore> League =
    [
        Line("Al Ace", "2024-10-22", "Aces", "Bears", home: true, fga: 50, fg: 25, threesMade: 6, fta: 12, ftm: 10, turnovers: 7),
        Line("Pat Ace", "2024-10-22", "Aces", "Bears", home: true, fga: 35, fg: 15, threesMade: 4, fta: 8, ftm: 5, turnovers: 5),
        Line("Bo Bear", "2024-10-22", "Bears", "Aces", home: false, fga: 90, fg: 38, threesMade: 12, fta: 15, ftm: 12, turnovers: 14),
        Line("Bo Bear", "2024-10-24", "Bears", "Cats", home: true, fga: 88, fg: 42, threesMade: 8, fta: 25, ftm: 20, turnovers: 10),
        Line("Cy Cat", "2024-10-24", "Cats", "Bears", home: false, fga: 80, fg: 35, threesMade: 15, fta: 10, ftm: 10, turnovers: 15),
        Line("Al Ace", "2024-10-26", "Aces", "Cats", home: false, fga: 99, fg: 60, threesMade: 30, fta: 40, ftm: 40, turnovers: 1),
        Line("Cy Cat", "2024-10-26", "Cats", "Aces", home: true, fga: 70, fg: 20, threesMade: 2, fta: 5, ftm: 3, turnovers: 30),
    ];

    [Fact]
    public void Opponent_defence_and_pace_are_relative_to_the_league_so_far()
    {
        var f = FeatureBuilder.Build(League).RowOf("Al Ace", "2024-10-26");

        // The Cats' only earlier game (10-24) allowed the Bears' 112 points: 68 / 24 / 20 on 109 possessions.
        // The league before 10-26 is four team games, allowing 52+60+40+68 = 220 two-point points,
        // 36+30+45+24 = 135 three-point, 12+15+10+20 = 57 free-throw: means 55, 33.75, 14.25.
        Assert.Equal(68 / 55.0, f[Feature.OpponentTwoPointAllowedRel], Tolerance);    // 1.236
        Assert.Equal(24 / 33.75, f[Feature.OpponentThreePointAllowedRel], Tolerance); // 0.711
        Assert.Equal(20 / 14.25, f[Feature.OpponentFreeThrowAllowedRel], Tolerance);  // 1.404

        // Cats' rating 100*112/109 = 102.75; league 100*(100+105+95+112)/(110.6+105.8+99.4+109) = 41200/424.8 = 96.99.
        var catsRating = 100 * 112 / 109.0;
        var leagueRating = 100 * 412 / 424.8;
        Assert.Equal(102.7523, catsRating, 1e-4);
        Assert.Equal(catsRating / leagueRating, f[Feature.OpponentDefRatingRel], Tolerance); // 1.0594: a weak defence
        Assert.Equal(OpponentTier.Weak, f.OpponentTier);

        // Pace: 10-22 (105.8+110.6)/2 = 108.2, 10-24 (109+99.4)/2 = 104.2; the league's mean over
        // its four team games is 106.2. Cats played only 10-24; Aces only 10-22.
        Assert.Equal(104.2 / 106.2, f[Feature.OpponentPaceRel], Tolerance);
        Assert.Equal(108.2 / 106.2, f[Feature.TeamPaceRel], Tolerance);
    }

    [Fact]
    public void Team_features_are_missing_without_earlier_games()
    {
        var rows = FeatureBuilder.Build(League);

        // Opening night: no league history at all.
        var opener = rows.RowOf("Pat Ace", "2024-10-22");
        Assert.True(double.IsNaN(opener[Feature.OpponentDefRatingRel]));
        Assert.True(double.IsNaN(opener[Feature.TeamPaceRel]));

        // 10-24: the Cats have not played yet, the Bears have (and are the whole league so far).
        var bear = rows.RowOf("Bo Bear", "2024-10-24");
        Assert.True(double.IsNaN(bear[Feature.OpponentTwoPointAllowedRel]));
        Assert.True(double.IsNaN(bear[Feature.OpponentPaceRel]));
        Assert.Equal(1.0, bear[Feature.TeamPaceRel], Tolerance);

        var cat = rows.RowOf("Cy Cat", "2024-10-24");
        Assert.Equal(1.0, cat[Feature.OpponentPaceRel], Tolerance);
        // Bears allowed 105 of the league's 205 points on 105.8 of its 216.4 possessions.
        Assert.Equal((100 * 105 / 105.8) / (100 * 205 / 216.4), cat[Feature.OpponentDefRatingRel], Tolerance);
        Assert.True(double.IsNaN(cat[Feature.TeamPaceRel]));
    }

    [Fact]
    public void A_traded_player_keeps_his_history_and_takes_his_new_teams_context()
    {
        var traded = League.Append(
            Line("Bo Bear", "2024-10-26", "Cats", "Aces", home: true, fga: 1, fg: 1)).ToList();
        var rows = FeatureBuilder.Build(traded);
        var bo = rows.RowOf("Bo Bear", "2024-10-26");
        var teammate = rows.RowOf("Cy Cat", "2024-10-26");

        Assert.Equal(2, bo[Feature.GamesPlayed]);
        Assert.Equal(teammate[Feature.TeamPaceRel], bo[Feature.TeamPaceRel]);
        Assert.Equal(teammate[Feature.OpponentDefRatingRel], bo[Feature.OpponentDefRatingRel]);
        Assert.Equal("Cats", bo.Team);
        Assert.Equal("Aces", bo.Opponent);
    }

    [Fact]
    public void Input_order_does_not_matter()
    {
        var inOrder = FeatureBuilder.Build(League);
        var random = new Random(7);
        var shuffled = FeatureBuilder.Build(League.OrderBy(_ => random.Next()).ToList());

        Assert.Equal(inOrder.Select(r => r.Key), shuffled.Select(r => r.Key));
        foreach (var (a, b) in inOrder.Zip(shuffled))
            Assert.Equal(a.Values.ToArray(), b.Values.ToArray());
    }

    [Fact]
    public void Rows_come_out_by_date_then_player_with_the_games_identity()
    {
        var rows = FeatureBuilder.Build(League);
        Assert.Equal(League.Count, rows.Count);
        Assert.Equal(rows.OrderBy(r => r.GameDate).ThenBy(r => r.PlayerLookup, StringComparer.Ordinal).Select(r => r.Key), rows.Select(r => r.Key));
        var row = rows.RowOf("Al Ace", "2024-10-26");
        Assert.Equal(League[5].GameId, row.GameId);
        Assert.Equal(FeatureCatalog.Version, row.FeatureVersion);
    }
}
