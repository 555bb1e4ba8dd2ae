using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;

namespace StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

/// <summary>
/// The trees learn the correction to a player's own recent scoring rather than his points outright.
/// Regression trees are piecewise constant: asked for points directly they spend most of their splits
/// re-discovering each player's scoring level and still predict it in coarse steps. Given the EWMA as a
/// starting point, every split goes to what moves tonight away from it (minutes, matchup, rest, form).
/// </summary>
internal static class ModelBaseline
{
    public static double For(PlayerFeatures features, PropType prop = PropType.Points)
    {
        var stat = PropStat.Of(prop);
        return features.Has(stat.Ewma) ? features[stat.Ewma]
            : features.Has(stat.Season) ? features[stat.Season]
            : 0;
    }
}
