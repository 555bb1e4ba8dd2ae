namespace StreamProcessor.Systems.Features;

/// <summary>Running sums over a set of team games, from which the per-game defence and pace figures follow.</summary>
internal readonly record struct DefenceTotals(
    int Games, double TwoPointAllowed, double ThreePointAllowed, double FreeThrowAllowed,
    double PointsAllowed, double OpponentPossessions, double PaceSum)
{
    public DefenceTotals Add(TeamGame game) => new(
        Games + 1,
        TwoPointAllowed + game.Allowed.TwoPointPoints,
        ThreePointAllowed + game.Allowed.ThreePointPoints,
        FreeThrowAllowed + game.Allowed.FreeThrowPoints,
        PointsAllowed + game.Allowed.Points,
        OpponentPossessions + game.Allowed.Possessions,
        PaceSum + game.Pace);

    /// <summary>Null for an empty set: there is nothing to describe.</summary>
    public DefenceSummary? Summary() => Games == 0 ? null : new DefenceSummary(
        TwoPointAllowed / Games,
        ThreePointAllowed / Games,
        FreeThrowAllowed / Games,
        OpponentPossessions > 0 ? 100 * PointsAllowed / OpponentPossessions : double.NaN,
        PaceSum / Games);
}

/// <summary>Per-game points allowed by zone, points allowed per 100 opponent possessions, and possessions per game.</summary>
internal readonly record struct DefenceSummary(
    double TwoPointAllowed, double ThreePointAllowed, double FreeThrowAllowed, double DefensiveRating, double Pace);
