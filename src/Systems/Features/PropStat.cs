using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Features;

/// <summary>
/// The features that describe one prop's statistic: the player's recent and season averages, spread, EWMA, the
/// opponent's allowed-rate for it and the share the lineup frees. Every system reads a prop through this one map.
/// </summary>
public sealed record PropStat(
    PropType Prop, Feature Last5, Feature Last10, Feature Season, Feature Ewma, Feature StdLast10,
    Feature OpponentAllowedRel, Feature Freed, double MinExpectedError)
{
    private static readonly PropStat[] ByProp =
    [
        new(PropType.Points, Feature.PointsAvgLast5, Feature.PointsAvgLast10, Feature.PointsAvgSeason, Feature.PointsEwma,
            Feature.PointsStdLast10, Feature.OpponentDefRatingRel, Feature.PointsFreed, 1.0),
        new(PropType.Rebounds, Feature.ReboundsAvgLast5, Feature.ReboundsAvgLast10, Feature.ReboundsAvgSeason, Feature.ReboundsEwma,
            Feature.ReboundsStdLast10, Feature.OpponentReboundsAllowedRel, Feature.ReboundsFreed, 0.5),
        new(PropType.Assists, Feature.AssistsAvgLast5, Feature.AssistsAvgLast10, Feature.AssistsAvgSeason, Feature.AssistsEwma,
            Feature.AssistsStdLast10, Feature.OpponentAssistsAllowedRel, Feature.AssistsFreed, 0.5),
        new(PropType.Threes, Feature.ThreesMadeAvgLast5, Feature.ThreesMadeAvgLast10, Feature.ThreesMadeAvgSeason, Feature.ThreesMadeEwma,
            Feature.ThreesMadeStdLast10, Feature.OpponentThreePointAllowedRel, Feature.ThreesFreed, 0.3),
    ];

    public static PropStat Of(PropType prop) => ByProp[(int)prop];
}
