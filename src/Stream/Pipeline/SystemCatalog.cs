using StreamProcessor.Stream.Configuration;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Systems.Ensemble;
using StreamProcessor.Systems.Prediction.Systems.MovingAverage;
using StreamProcessor.Systems.Prediction.Systems.Similarity;
using StreamProcessor.Systems.Prediction.Systems.Xgboost;
using StreamProcessor.Systems.Prediction.Systems.ZoneMatchup;

namespace StreamProcessor.Stream.Pipeline;

/// <summary>The five systems, configured: the one list both the pipeline and the backtest run.</summary>
public static class SystemCatalog
{
    public static IReadOnlyList<IPredictionSystem> Create(SystemsOptions options, XgboostModel? model) =>
    [
        new MovingAverageSystem(options.MovingAverage),
        new ZoneMatchupSystem(options.ZoneMatchup),
        new SimilaritySystem(options.Similarity),
        new XgboostSystem(model),
        new EnsembleSystem(options.Ensemble),
    ];
}
