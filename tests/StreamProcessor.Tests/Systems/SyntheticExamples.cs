using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

namespace StreamProcessor.Tests.Systems;

/// <summary>
/// Training rows where points = 0.8 × min_avg_last10 + N(0, 2²) and every other feature is noise. Every row has at
/// least one missing feature (team_pace_rel is never known) and the others are missing 15 % of the time, as early in
/// a season, so a trainer that dropped incomplete rows would have nothing to learn from.
/// </summary>
internal static class SyntheticExamples
{
    public static readonly DateOnly FirstDate = new(2024, 11, 4);

    /// <summary>Dates cycle over 90 days, so the last one is 2025-02-01.</summary>
    public static List<TrainingExample> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var examples = new List<TrainingExample>(count);
        for (var i = 0; i < count; i++)
        {
            var builder = new FeaturesBuilder().For($"player-{i % 300}").On(FirstDate.AddDays(i % 90));
            foreach (var feature in FeatureCatalog.All)
            {
                if (feature is Feature.TeamPaceRel or Feature.MinutesAvgLast10) continue;
                if (random.NextDouble() < 0.15) continue;
                builder.With(feature, random.NextDouble() * 30);
            }
            var minutes = 10 + random.NextDouble() * 28;
            builder.With(Feature.MinutesAvgLast10, minutes);
            examples.Add(new TrainingExample(builder.Build(), 0.8 * minutes + 2 * Gaussian(random)));
        }
        return examples;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
