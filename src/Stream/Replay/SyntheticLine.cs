using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;

namespace StreamProcessor.Stream.Replay;

/// <summary>
/// The line replay and backtests use in place of a sportsbook's: the player's pre-game EWMA of the prop's statistic
/// (points by default) rounded to the nearest x.5 (which is floor + 0.5), so a line never ties the outcome.
/// </summary>
public static class SyntheticLine
{
    public static double? For(PlayerFeatures features, PropType prop = PropType.Points)
    {
        var ewma = PropStat.Of(prop).Ewma;
        return features.Has(ewma) ? Math.Floor(features[ewma]) + 0.5 : null;
    }
}
