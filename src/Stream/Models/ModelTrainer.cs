using System.Diagnostics;
using StreamProcessor.Sinks.Training;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Configuration;
using StreamProcessor.Stream.Evaluation;
using StreamProcessor.Stream.Pipeline;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Probability;
using StreamProcessor.Systems.Prediction.Systems;
using StreamProcessor.Systems.Prediction.Systems.Ensemble;
using StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

namespace StreamProcessor.Stream.Models;

/// <summary>
/// Walk-forward training: nothing on or after the cut-off D is used. Per prop:
/// 1. an xgboost_v1 model is trained on the games before the validation slice [D − validation_days, D);
/// 2. every base system predicts the slice; the ensemble weights are fitted there (<see cref="EnsembleWeightFitter"/>),
///    then each system's probability curve, the ensemble's included (<see cref="OverProbabilityFitter"/>), against the
///    synthetic line;
/// 3. with real lines loaded, each system's market-aware stack is fitted on the lines before D (<see cref="MarketStackTrainer"/>);
/// 4. the model is trained again on every game before D, the one that is saved and used.
/// </summary>
public static class ModelTrainer
{
    /// <summary>On the embedded file (the perf harness's and tests' shortcut).</summary>
    public static Task<ModelTraining> TrainAsync(Warehouse warehouse, DateOnly until, StreamOptions options, CancellationToken cancellationToken = default) =>
        TrainAsync(new WarehouseTrainingData(warehouse), until, options, cancellationToken);

    public static async Task<ModelTraining> TrainAsync(ITrainingData data, DateOnly until, StreamOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = await data.OutcomesAsync(DateOnly.MinValue, until.AddDays(-1), options.Model.MinGamesPlayed, cancellationToken);
        if (outcomes.Count == 0)
            throw new InvalidOperationException($"no feature rows before {until:yyyy-MM-dd} to train on: load box scores and run `features build` first");
        var lastDay = outcomes.Max(o => o.Features.GameDate);
        var validationFrom = lastDay.AddDays(1 - options.Model.ValidationDays);

        var models = new List<BoostedTreesModel>();
        var weights = new Dictionary<PropType, EnsembleWeights>();
        var curves = new Dictionary<(PropType, string), OverProbability>();
        var stages = new Dictionary<PropType, BoostedTreesModel>();
        var validation = await BacktestCases.LoadAsync(data, options.History, validationFrom, lastDay, options.Evaluate.MinEarlierGames, cancellationToken);
        foreach (var prop in PropTypes.All)
        {
            var early = outcomes.Where(o => o.Features.GameDate < validationFrom).Select(o => new TrainingExample(o.Features, o.ValueOf(prop))).ToArray();
            if (early.Length > 0)
            {
                var stage = BoostedTreesModel.Train(early, options.Model.Training, prop);
                stages[prop] = stage;
                var (fitted, fittedCurves) = FitOnValidation(validation.For(prop), options, stage, prop);
                weights[prop] = fitted;
                foreach (var (system, curve) in fittedCurves) curves[(prop, system)] = curve;
            }
            models.Add(BoostedTreesModel.Train(outcomes.Select(o => new TrainingExample(o.Features, o.ValueOf(prop))), options.Model.Training, prop));
        }

        var market = await MarketStackTrainer.FitAsync(data, outcomes, validationFrom, lastDay, stages, weights, options, cancellationToken);
        var trained = new TrainedModels
        {
            Models = models,
            EnsembleWeights = weights,
            Calibrations = new Calibrations(curves, market.Stacks),
            MarketFrom = market.From,
            MarketTo = market.To,
            ValidationFrom = validationFrom,
            ValidationTo = lastDay,
        };
        return new ModelTraining(trained, outcomes.Count, clock.Elapsed);
    }

    private static (EnsembleWeights, Dictionary<string, OverProbability>) FitOnValidation(
        IReadOnlyList<BacktestCase> cases, StreamOptions options, BoostedTreesModel stage, PropType prop)
    {
        var baseSystems = SystemCatalog.Create(options.Systems, new BoostedTreesSystem(stage)).Where(s => !s.CombinesOtherSystems).ToArray();
        var results = Backtest.Predict(cases, baseSystems);
        var rows = results.Select((r, i) => ((IReadOnlyDictionary<string, double>)r.OfType<SystemPrediction>()
            .ToDictionary(p => p.SystemId, p => p.PredictedPoints), cases[i].Actual)).ToArray();
        var weights = EnsembleWeightFitter.Fit(SystemIds.BaseSystems, rows);

        var ensemble = new EnsembleSystem(options.Systems.Ensemble, new Dictionary<PropType, EnsembleWeights> { [prop] = weights });
        var examples = new Dictionary<string, List<(double Z, bool Over)>>();
        for (var i = 0; i < cases.Count; i++)
        {
            var successes = results[i].OfType<SystemPrediction>().ToArray();
            var all = successes.Append(ensemble.Predict(cases[i].Input with { BasePredictions = successes }) as SystemPrediction);
            foreach (var p in all)
            {
                if (p is null) continue;
                var error = p.ExpectedError ?? OverProbability.FallbackExpectedError(p.PredictedPoints);
                if (!examples.TryGetValue(p.SystemId, out var list)) examples[p.SystemId] = list = [];
                list.Add(((p.PredictedPoints - cases[i].Line) / error, cases[i].Actual > cases[i].Line));
            }
        }
        return (weights, examples.ToDictionary(e => e.Key, e => OverProbabilityFitter.Fit(e.Value)));
    }
}

public sealed record ModelTraining(TrainedModels Models, int Examples, TimeSpan Elapsed);
