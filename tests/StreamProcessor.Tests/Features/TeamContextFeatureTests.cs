using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using static StreamProcessor.Tests.Features.HandMadeLines;

namespace StreamProcessor.Tests.Features;

public class TeamContextFeatureTests
{
    private const double Tolerance = 1e-9;

    // The Aces' two earlier games (the rotation window) and tonight (10-26):
    //   Al   30 min 20 pts in both          -> in tonight's lineup
    //   Ben  30 min 10 pts in both          -> missing tonight
    //   Cal  20 min  6 pts on 10-22 only    -> back tonight
    //   Dee   5 min  2 pts on 10-24 only    -> in tonight's lineup, but deep bench (< 12 min): not rotation
    // Tonight's statistics are absurd on purpose: the lineup features read only who is in the box score.
    private static readonly IReadOnlyList<BoxScore> League =
    [
        Line("Al", "2024-10-22", "Aces", "Bears", minutes: 30, fg: 10),
        Line("Ben", "2024-10-22", "Aces", "Bears", minutes: 30, fg: 5),
        Line("Cal", "2024-10-22", "Aces", "Bears", minutes: 20, fg: 3),
        Line("Bo", "2024-10-22", "Bears", "Aces", home: false, minutes: 40, fg: 10),
        Line("Al", "2024-10-24", "Aces", "Bears", minutes: 30, fg: 10),
        Line("Ben", "2024-10-24", "Aces", "Bears", minutes: 30, fg: 5),
        Line("Dee", "2024-10-24", "Aces", "Bears", minutes: 5, fg: 1),
        Line("Bo", "2024-10-24", "Bears", "Aces", home: false, minutes: 40, fg: 10),
        Line("Al", "2024-10-26", "Aces", "Bears", minutes: 1, fg: 40),
        Line("Cal", "2024-10-26", "Aces", "Bears", minutes: 48, fg: 0),
        Line("Dee", "2024-10-26", "Aces", "Bears", minutes: 48, fg: 30),
        Line("Bo", "2024-10-26", "Bears", "Aces", home: false, minutes: 1, fg: 0),
    ];

    [Fact]
    public void Missing_rotation_players_free_minutes_and_points_for_those_in_the_lineup()
    {
        var al = FeatureBuilder.Build(League).RowOf("Al", "2024-10-26");

        Assert.Equal(1.0, al[Feature.AvailabilityLast10], Tolerance);
        Assert.Equal(2.0, al[Feature.GamesWithTeam], Tolerance);
        // Teammates only: Ben 30 x (1 - 0) = 30 missing, Cal 20 x (0.5 - 1) = -10 back: 20 net. Dee is not rotation.
        Assert.Equal(20.0, al[Feature.RotationMinutesMissing], Tolerance);
        Assert.Equal(10 * 1.0 + 6 * (0.5 - 1), al[Feature.RotationPointsMissing], Tolerance);
        // Minutes scale: usual 1x30 + 1x30 + 0.5x20 = 70 over tonight's rotation 30 + 20 = 50 -> 1.4.
        Assert.Equal(30 * 1.4, al[Feature.ExpectedMinutes], Tolerance);
        // Points scale: usual 20 + 10 + 0.5x6 = 33 over tonight's 20 + 6 = 26.
        Assert.Equal(20 * (33 / 26.0 - 1), al[Feature.PointsFreed], Tolerance);
        Assert.Equal(0.0, al[Feature.OpponentRotationPointsMissing], Tolerance);
    }

    [Fact]
    public void A_returning_player_shares_the_same_scale_and_reports_his_absences()
    {
        var cal = FeatureBuilder.Build(League).RowOf("Cal", "2024-10-26");

        Assert.Equal(0.5, cal[Feature.AvailabilityLast10], Tolerance);
        Assert.Equal(1.0, cal[Feature.GamesWithTeam], Tolerance);
        Assert.Equal(20 * 1.4, cal[Feature.ExpectedMinutes], Tolerance);
        Assert.Equal(6 * (33 / 26.0 - 1), cal[Feature.PointsFreed], Tolerance);
        // Ben 30 missing, Al present every time: 30.
        Assert.Equal(30.0, cal[Feature.RotationMinutesMissing], Tolerance);
    }

    [Fact]
    public void Before_the_team_has_played_there_is_no_context()
    {
        var al = FeatureBuilder.Build(League).RowOf("Al", "2024-10-22");

        Assert.True(double.IsNaN(al[Feature.AvailabilityLast10]));
        Assert.True(double.IsNaN(al[Feature.ExpectedMinutes]));
        Assert.True(double.IsNaN(al[Feature.PointsFreed]));
        Assert.Equal(0.0, al[Feature.GamesWithTeam]);
    }
}
