namespace StreamProcessor.Systems.Features;

/// <summary>
/// The named numbers of the feature store, in vector order. Every one is computed only from
/// games strictly before the game date it describes. The warehouse column of each is
/// <see cref="FeatureCatalog.ColumnName"/>.
/// </summary>
public enum Feature
{
    PointsAvgLast3,
    PointsAvgLast5,
    PointsAvgLast10,
    PointsAvgSeason,
    PointsStdLast10,
    PointsEwma,
    MinutesAvgLast5,
    MinutesAvgLast10,
    MinutesAvgSeason,
    MinutesStdLast10,
    MinutesTrend,
    PointsPerMinuteSeason,
    PointsPerMinuteLast10,
    UsageSeason,
    UsageLast10,
    ShareTwoPoint,
    ShareThreePoint,
    ShareFreeThrow,
    FieldGoalPctSeason,
    ThreePointPctSeason,
    FreeThrowPctSeason,
    ReboundsAvgLast10,
    AssistsAvgLast10,
    ThreesMadeAvgLast10,
    OpponentTwoPointAllowedRel,
    OpponentThreePointAllowedRel,
    OpponentFreeThrowAllowedRel,
    OpponentDefRatingRel,
    OpponentPaceRel,
    TeamPaceRel,
    DaysRest,
    BackToBack,
    Home,
    GamesPlayed,
    RecentForm,
}
