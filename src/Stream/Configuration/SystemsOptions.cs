using StreamProcessor.Systems.Prediction.Systems.Ensemble;
using StreamProcessor.Systems.Prediction.Systems.MovingAverage;
using StreamProcessor.Systems.Prediction.Systems.Similarity;
using StreamProcessor.Systems.Prediction.Systems.ZoneMatchup;

namespace StreamProcessor.Stream.Configuration;

/// <summary>Each prediction system's own options, under <c>systems:</c>.</summary>
public sealed record SystemsOptions
{
    public MovingAverageOptions MovingAverage { get; init; } = new();
    public ZoneMatchupOptions ZoneMatchup { get; init; } = new();
    public SimilarityOptions Similarity { get; init; } = new();
    public EnsembleOptions Ensemble { get; init; } = new();
}
