using StreamProcessor.Stream.Configuration;
using StreamProcessor.Stream.Models;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Probability;
using StreamProcessor.Systems.Prediction.Systems.Ensemble;
using StreamProcessor.Systems.Prediction.Systems.MovingAverage;
using StreamProcessor.Systems.Prediction.Systems.Similarity;
using StreamProcessor.Systems.Prediction.Systems.BoostedTrees;
using StreamProcessor.Systems.Prediction.Systems.ZoneMatchup;

namespace StreamProcessor.Stream.Pipeline;

/// <summary>The five systems, configured: the one list both the pipeline and the backtest run.</summary>
public static class SystemCatalog
{
    /// <summary>The systems with everything <c>model train</c> learned: a model per prop, ensemble weights, probability curves.</summary>
    public static IReadOnlyList<IPredictionSystem> Create(SystemsOptions options, TrainedModels? trained)
    {
        if (trained is null) return Create(options, new BoostedTreesSystem((BoostedTreesModel?)null)); // uncalibrated, equal weights
        IPredictionSystem[] systems =
        [
            .. Create(options, new BoostedTreesSystem(trained.Models)).Where(s => !s.CombinesOtherSystems),
            new EnsembleSystem(options.Ensemble, trained.EnsembleWeights),
        ];
        return systems.Select(s => (IPredictionSystem)new CalibratedSystem(s, trained.Calibrations)).ToArray();
    }

    internal static IReadOnlyList<IPredictionSystem> Create(SystemsOptions options, BoostedTreesSystem boostedTrees) =>
    [
        new MovingAverageSystem(options.MovingAverage),
        new ZoneMatchupSystem(options.ZoneMatchup),
        new SimilaritySystem(options.Similarity),
        boostedTrees,
        new EnsembleSystem(options.Ensemble),
    ];
}
