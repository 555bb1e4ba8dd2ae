namespace StreamProcessor.Systems.Features;

/// <summary>Running sums over a set of team games, from which the per-game defence and pace figures follow.</summary>
internal readonly record struct DefenceTotals(
    int Games, double TwoPointAllowed, double ThreePointAllowed, double FreeThrowAllowed,
    double PointsAllowed, double OpponentPossessions, double PaceSum, double ReboundsAllowed = 0, double AssistsAllowed = 0)
{
    public DefenceTotals Add(TeamGame game) => new(
        Games + 1,
        TwoPointAllowed + game.Allowed.TwoPointPoints,
        ThreePointAllowed + game.Allowed.ThreePointPoints,
        FreeThrowAllowed + game.Allowed.FreeThrowPoints,
        PointsAllowed + game.Allowed.Points,
        OpponentPossessions + game.Allowed.Possessions,
        PaceSum + game.Pace,
        ReboundsAllowed + game.Allowed.Rebounds,
        AssistsAllowed + game.Allowed.Assists);

    /// <summary>Null for an empty set: there is nothing to describe.</summary>
    public DefenceSummary? Summary() => Games == 0 ? null : new DefenceSummary(
        TwoPointAllowed / Games,
        ThreePointAllowed / Games,
        FreeThrowAllowed / Games,
        OpponentPossessions > 0 ? 100 * PointsAllowed / OpponentPossessions : double.NaN,
        PaceSum / Games,
        ReboundsAllowed / Games,
        AssistsAllowed / Games);
}

/// <summary>Per-game points allowed by zone, points allowed per 100 opponent possessions, possessions per game, and per-game rebounds and assists allowed.</summary>
internal readonly record struct DefenceSummary(
    double TwoPointAllowed, double ThreePointAllowed, double FreeThrowAllowed, double DefensiveRating, double Pace,
    double ReboundsAllowed, double AssistsAllowed);
