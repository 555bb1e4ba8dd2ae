using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Features;

/// <summary>
/// The categorical description of a game the similarity system compares: one definition,
/// used both for tonight's game and for every historical game, so the two always agree.
/// </summary>
public static class GameContext
{
    /// <summary>A defence allowing 3 % fewer points per possession than the league is elite; 3 % more, weak.</summary>
    public const double EliteDefenceBelow = 0.97;
    public const double WeakDefenceAbove = 1.03;

    /// <summary>Last five 15 % above the season average is hot; 15 % below, cold.</summary>
    public const double HotFormAbove = 0.15;
    public const double ColdFormBelow = -0.15;

    /// <summary>Rest assumed for a player's first game, when there is no previous game.</summary>
    public const int UnknownRestDays = 3;

    /// <summary>Days of rest from the days_rest feature (NaN for a first game).</summary>
    public static int RestDaysFor(double daysRest) => double.IsNaN(daysRest) ? UnknownRestDays : (int)daysRest;

    /// <summary>Home from the home feature (1 home, 0 away; NaN, unknown, counts as away).</summary>
    public static bool IsHome(double home) => home >= 0.5;

    public static OpponentTier TierFor(double defRatingRel) =>
        double.IsNaN(defRatingRel) ? OpponentTier.Average
        : defRatingRel < EliteDefenceBelow ? OpponentTier.Elite
        : defRatingRel > WeakDefenceAbove ? OpponentTier.Weak
        : OpponentTier.Average;

    public static RecentForm FormFor(double recentForm) =>
        double.IsNaN(recentForm) ? RecentForm.Normal
        : recentForm > HotFormAbove ? RecentForm.Hot
        : recentForm < ColdFormBelow ? RecentForm.Cold
        : RecentForm.Normal;
}
