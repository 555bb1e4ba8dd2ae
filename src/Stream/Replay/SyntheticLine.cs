using StreamProcessor.Systems.Features;

namespace StreamProcessor.Stream.Replay;

/// <summary>
/// The line replay and backtests use in place of a sportsbook's: the player's pre-game points EWMA
/// rounded to the nearest x.5 (which is floor + 0.5), so a line never ties the outcome.
/// </summary>
public static class SyntheticLine
{
    public static double? For(PlayerFeatures features) =>
        features.Has(Feature.PointsEwma) ? Math.Floor(features[Feature.PointsEwma]) + 0.5 : null;
}
