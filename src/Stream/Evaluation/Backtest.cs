using StreamProcessor.Stream.Pipeline.Blocks;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Probability;

namespace StreamProcessor.Stream.Evaluation;

/// <summary>
/// Scores the systems on past player-games from pre-game features only. Each system is scored on the
/// rows it predicted, beside the naive baselines on exactly those rows; the baselines are also scored
/// on all rows. Probabilities and picks are judged against the synthetic line.
/// </summary>
public static class Backtest
{
    /// <summary>Every system's result for every case, base systems first and combiners fed their successes (as the pipeline does).</summary>
    public static SystemResult[][] Predict(IReadOnlyList<BacktestCase> cases, IReadOnlyList<IPredictionSystem> systems)
    {
        var baseSystems = systems.Where(s => !s.CombinesOtherSystems).ToArray();
        var combiners = systems.Where(s => s.CombinesOtherSystems).ToArray();
        var results = new SystemResult[cases.Count][];
        Parallel.For(0, cases.Count, i =>
        {
            var input = cases[i].Input;
            var row = new List<SystemResult>(systems.Count);
            foreach (var system in baseSystems) row.Add(SystemBlock.PredictSafely(system, input));
            var successes = row.OfType<SystemPrediction>().ToArray();
            foreach (var combiner in combiners) row.Add(SystemBlock.PredictSafely(combiner, input with { BasePredictions = successes }));
            results[i] = row.ToArray();
        });
        return results;
    }

    public static BacktestReport Run(IReadOnlyList<BacktestCase> cases, IReadOnlyList<IPredictionSystem> systems, RecommendationOptions recommendation)
    {
        var results = Predict(cases, systems);
        var perSystem = systems.ToDictionary(s => s.Id, _ => new List<ScoredPrediction>());
        var sameRows = systems.ToDictionary(s => s.Id, _ => Baselines.Names.ToDictionary(b => b, _ => new List<ScoredPrediction>()));
        var overall = Baselines.Names.ToDictionary(b => b, _ => new List<ScoredPrediction>());
        var failures = systems.ToDictionary(s => s.Id, _ => new Dictionary<string, int>());
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var baselines = Baselines.Names.Select(name => (name, score: Baseline(name, c, recommendation))).ToArray();
            foreach (var (name, score) in baselines)
                if (score is { } s) overall[name].Add(s);
            foreach (var result in results[i])
            {
                if (result is SystemFailure failure)
                {
                    var reasons = failures[failure.SystemId];
                    reasons[failure.Reason.Code()] = reasons.GetValueOrDefault(failure.Reason.Code()) + 1;
                    continue;
                }
                var prediction = (SystemPrediction)result;
                var probability = prediction.ProbabilityOver(c.Line);
                perSystem[prediction.SystemId].Add(new ScoredPrediction(prediction.PredictedPoints, c.Actual, c.Line, probability, c.Minutes,
                    PredictionNormalizer.Recommend(prediction.PredictedPoints, probability, c.Line, c.Input.Request.Prop, recommendation)));
                foreach (var (name, score) in baselines)
                    if (score is { } s) sameRows[prediction.SystemId][name].Add(s);
            }
        }
        return new BacktestReport(
            cases.Count,
            systems.ToDictionary(s => s.Id, s => new SystemScore(
                ScoreSummary.Of(perSystem[s.Id]), sameRows[s.Id].ToDictionary(b => b.Key, b => ScoreSummary.Of(b.Value)), perSystem[s.Id])),
            overall.ToDictionary(b => b.Key, b => ScoreSummary.Of(b.Value)),
            failures);
    }

    // A baseline has no spread of its own: it gets the default curve around the prop's last-10 spread.
    private static ScoredPrediction? Baseline(string name, BacktestCase c, RecommendationOptions recommendation)
    {
        var features = c.Input.Features;
        var prop = c.Input.Request.Prop;
        var value = features[Baselines.FeatureOf(name, prop)];
        if (double.IsNaN(value)) return null;
        var probability = OverProbability.Default.Of(value, Baselines.ExpectedError(features, prop, value), c.Line);
        return new ScoredPrediction(value, c.Actual, c.Line, probability, c.Minutes,
            PredictionNormalizer.Recommend(value, probability, c.Line, prop, recommendation));
    }
}

public sealed record SystemScore(ScoreSummary Stats, IReadOnlyDictionary<string, ScoreSummary> BaselinesOnSameRows, IReadOnlyList<ScoredPrediction> Rows);

public sealed record BacktestReport(
    int Cases,
    IReadOnlyDictionary<string, SystemScore> Systems,
    IReadOnlyDictionary<string, ScoreSummary> Baselines,
    IReadOnlyDictionary<string, Dictionary<string, int>> Failures);
