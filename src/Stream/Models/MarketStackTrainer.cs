using StreamProcessor.Sinks.Features;
using StreamProcessor.Sinks.Training;
using StreamProcessor.Stream.Configuration;
using StreamProcessor.Stream.Evaluation;
using StreamProcessor.Stream.Pipeline;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Market;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Systems;
using StreamProcessor.Systems.Prediction.Systems.Ensemble;
using StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

namespace StreamProcessor.Stream.Models;

/// <summary>
/// Fits each system's <see cref="MarketStack"/> per prop on the real lines before the cut-off, from predictions that had
/// not seen the games they predict (walk-forward):
/// <list type="bullet">
/// <item>the validation slice's lines are predicted with the model trained before the slice (the one the curves use);</item>
/// <item>earlier lines with a model trained before the median date of those lines, on the lines from that date on;</item>
/// <item>the systems that learn nothing (moving average, zone matchup, similarity) also on the lines before it.</item>
/// </list>
/// Points, rebounds and assists lines of the shared data stop on 2024-12-06, so without the second origin their stacks
/// would have no line predicted out of sample by the boosted trees or the ensemble.
/// </summary>
internal static class MarketStackTrainer
{
    private const int MinTrainingGames = 2000;

    public static async Task<MarketStacks> FitAsync(ITrainingData data, IReadOnlyList<FeatureOutcome> outcomes, DateOnly validationFrom, DateOnly lastDay,
        IReadOnlyDictionary<PropType, BoostedTreesModel> stageModels, IReadOnlyDictionary<PropType, EnsembleWeights> weights, StreamOptions options,
        CancellationToken cancellationToken)
    {
        var consensus = await data.ConsensusAsync(DateOnly.MinValue, lastDay, cancellationToken);
        var stacks = new Dictionary<(PropType, string), MarketStack>();
        if (consensus.Count == 0) return new MarketStacks(stacks, null, null);
        var firstLine = consensus.Keys.Min(k => k.Key.GameDate);
        var cases = await BacktestCases.LoadAsync(data, options.History, firstLine, lastDay, options.Evaluate.MinEarlierGames, cancellationToken);
        foreach (var prop in PropTypes.All)
        {
            if (!stageModels.TryGetValue(prop, out var stage)) continue;
            var priced = cases.ForMarket(prop, consensus);
            var examples = new Dictionary<string, List<MarketStackExample>>();
            var slice = priced.Where(c => c.Input.Request.GameDate >= validationFrom).ToArray();
            Collect(examples, slice, stage, weights.GetValueOrDefault(prop), options, learnedToo: true);

            var earlier = priced.Where(c => c.Input.Request.GameDate < validationFrom).OrderBy(c => c.Input.Request.GameDate).ToArray();
            if (earlier.Length == 0) { Fit(stacks, prop, examples); continue; }
            var origin = earlier[earlier.Length / 2].Input.Request.GameDate;
            var before = outcomes.Where(o => o.Features.GameDate < origin).Select(o => new TrainingExample(o.Features, o.ValueOf(prop))).ToArray();
            if (before.Length >= MinTrainingGames)
            {
                var early = BoostedTreesModel.Train(before, options.Model.Training, prop);
                Collect(examples, earlier.Where(c => c.Input.Request.GameDate >= origin).ToArray(), early, weights.GetValueOrDefault(prop), options, learnedToo: true);
                Collect(examples, earlier.Where(c => c.Input.Request.GameDate < origin).ToArray(), null, null, options, learnedToo: false);
            }
            else
            {
                Collect(examples, earlier, null, null, options, learnedToo: false);
            }
            Fit(stacks, prop, examples);
        }
        return new MarketStacks(stacks, firstLine, lastDay);
    }

    private static void Fit(Dictionary<(PropType, string), MarketStack> stacks, PropType prop, Dictionary<string, List<MarketStackExample>> examples)
    {
        foreach (var (system, list) in examples) stacks[(prop, system)] = MarketStackFitter.Fit(list);
    }

    private static void Collect(Dictionary<string, List<MarketStackExample>> examples, IReadOnlyList<BacktestCase> cases, BoostedTreesModel? model,
        EnsembleWeights? weights, StreamOptions options, bool learnedToo)
    {
        if (cases.Count == 0) return;
        var baseSystems = SystemCatalog.Create(options.Systems, new BoostedTreesSystem(model)).Where(s => !s.CombinesOtherSystems).ToArray();
        var ensemble = new EnsembleSystem(options.Systems.Ensemble, weights is null ? null : new Dictionary<PropType, EnsembleWeights> { [cases[0].Input.Request.Prop] = weights });
        var results = Backtest.Predict(cases, baseSystems);
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var successes = results[i].OfType<SystemPrediction>().ToArray();
            IEnumerable<SystemPrediction> all = learnedToo
                ? successes.Append(ensemble.Predict(c.Input with { BasePredictions = successes }) as SystemPrediction).OfType<SystemPrediction>()
                : successes.Where(p => p.SystemId != SystemIds.Xgboost);
            foreach (var p in all)
            {
                if (!examples.TryGetValue(p.SystemId, out var list)) examples[p.SystemId] = list = [];
                list.Add(new MarketStackExample(c.Market!.ProbabilityOver, p.StandardisedMargin(c.Line), c.Actual > c.Line));
            }
        }
    }
}

/// <summary>The fitted stacks and the range of real lines they were fitted on (null when there were none).</summary>
internal sealed record MarketStacks(IReadOnlyDictionary<(PropType, string), MarketStack> Stacks, DateOnly? From, DateOnly? To);
