using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Features;

/// <summary>
/// A player's running season-to-date sums, updated one game at a time in date order so that
/// season features cost O(1) per game instead of a rescan of the season.
/// </summary>
internal sealed class SeasonTotals
{
    private readonly double _ewmaDecay;

    public SeasonTotals(double ewmaDecay) => _ewmaDecay = ewmaDecay;

    public int Games { get; private set; }
    public int Points { get; private set; }
    public double Minutes { get; private set; }
    public int FieldGoalsAttempted { get; private set; }
    public int FieldGoalsMade { get; private set; }
    public int ThreesAttempted { get; private set; }
    public int ThreesMade { get; private set; }
    public int FreeThrowsAttempted { get; private set; }
    public int FreeThrowsMade { get; private set; }
    public int TwoPointPoints { get; private set; }
    public int ThreePointPoints { get; private set; }
    public int FreeThrowPoints { get; private set; }
    public int Rebounds { get; private set; }
    public int Assists { get; private set; }

    /// <summary>Sum of decay^k * points and of decay^k, k = 0 for the newest game.</summary>
    public double EwmaWeightedPoints { get; private set; }
    public double EwmaWeights { get; private set; }
    public double EwmaWeightedRebounds { get; private set; }
    public double EwmaWeightedAssists { get; private set; }
    public double EwmaWeightedThrees { get; private set; }
    public double EwmaWeightedMinutes { get; private set; }

    /// <summary>The exponentially weighted mean of a stat from its weighted sum; NaN before the first game.</summary>
    public double Ewma(double weightedSum) => Games == 0 ? double.NaN : weightedSum / EwmaWeights;

    public void Reset()
    {
        Games = Points = FieldGoalsAttempted = FieldGoalsMade = ThreesAttempted = ThreesMade = 0;
        FreeThrowsAttempted = FreeThrowsMade = TwoPointPoints = ThreePointPoints = FreeThrowPoints = 0;
        Rebounds = Assists = 0;
        Minutes = EwmaWeightedPoints = EwmaWeights = 0;
        EwmaWeightedRebounds = EwmaWeightedAssists = EwmaWeightedThrees = EwmaWeightedMinutes = 0;
    }

    public void Add(BoxScore game)
    {
        Games++;
        Points += game.Points;
        Minutes += game.Minutes;
        FieldGoalsAttempted += game.FieldGoalsAttempted;
        FieldGoalsMade += game.FieldGoalsMade;
        ThreesAttempted += game.ThreesAttempted;
        ThreesMade += game.ThreesMade;
        FreeThrowsAttempted += game.FreeThrowsAttempted;
        FreeThrowsMade += game.FreeThrowsMade;
        TwoPointPoints += game.TwoPointPoints;
        ThreePointPoints += game.ThreePointPoints;
        FreeThrowPoints += game.FreeThrowPoints;
        Rebounds += game.Rebounds;
        Assists += game.Assists;
        EwmaWeightedPoints = game.Points + _ewmaDecay * EwmaWeightedPoints;
        EwmaWeightedRebounds = game.Rebounds + _ewmaDecay * EwmaWeightedRebounds;
        EwmaWeightedAssists = game.Assists + _ewmaDecay * EwmaWeightedAssists;
        EwmaWeightedThrees = game.ThreesMade + _ewmaDecay * EwmaWeightedThrees;
        EwmaWeightedMinutes = game.Minutes + _ewmaDecay * EwmaWeightedMinutes;
        EwmaWeights = 1 + _ewmaDecay * EwmaWeights;
    }
}
