using StreamProcessor.Systems.Features;

namespace StreamProcessor.Systems.Prediction.Systems.ZoneMatchup;

/// <summary>
/// A way of scoring, paired with how the opponent defends it. The feature store splits points into
/// two-point field goals (paint and mid-range together), threes and free throws.
/// </summary>
internal readonly record struct ScoringZone(Feature Share, Feature OpponentAllowedRel)
{
    public static IReadOnlyList<ScoringZone> All { get; } =
    [
        new(Feature.ShareTwoPoint, Feature.OpponentTwoPointAllowedRel),
        new(Feature.ShareThreePoint, Feature.OpponentThreePointAllowedRel),
        new(Feature.ShareFreeThrow, Feature.OpponentFreeThrowAllowedRel),
    ];
}
