using StreamProcessor.Systems.Features;

namespace StreamProcessor.Stream.Evaluation;

/// <summary>The naive predictions every system must beat, read straight from the pre-game features.</summary>
public static class Baselines
{
    public static IReadOnlyList<(string Name, Feature Feature)> All { get; } =
    [
        ("season_avg", Feature.PointsAvgSeason),
        ("last10", Feature.PointsAvgLast10),
        ("ewma", Feature.PointsEwma),
    ];
}
