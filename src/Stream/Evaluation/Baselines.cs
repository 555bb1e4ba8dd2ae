using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Prediction.Systems;

namespace StreamProcessor.Stream.Evaluation;

/// <summary>
/// The naive predictions every system must beat, read straight from the pre-game features of the prop: the season
/// average, the last-10 average and the EWMA (decay 0.9). Their P(over) is the uncalibrated default curve with the
/// expected error sqrt(2/π) × the prop's last-10 std, so their Brier score is a reference, not a fitted one.
/// </summary>
public static class Baselines
{
    public static IReadOnlyList<string> Names { get; } = ["season_avg", "last10", "ewma"];

    public static Feature FeatureOf(string name, PropType prop)
    {
        var stat = PropStat.Of(prop);
        return name switch
        {
            "season_avg" => stat.Season,
            "last10" => stat.Last10,
            _ => stat.Ewma,
        };
    }

    public static double ExpectedError(PlayerFeatures features, PropType prop, double predicted)
    {
        var stat = PropStat.Of(prop);
        return ScoringVariability.ExpectedError(features[stat.StdLast10], predicted, stat.MinExpectedError);
    }
}
