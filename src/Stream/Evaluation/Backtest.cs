using StreamProcessor.Stream.Pipeline.Blocks;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Evaluation;

/// <summary>
/// Scores the systems on past player-games from pre-game features only. Each system is scored on the
/// rows it predicted, beside the naive baselines on exactly those rows; the baselines are also scored
/// on all rows. Picks (OVER / UNDER) are judged against the synthetic line.
/// </summary>
public static class Backtest
{
    public static BacktestReport Run(IReadOnlyList<BacktestCase> cases, IReadOnlyList<IPredictionSystem> systems, RecommendationOptions recommendation)
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

        var perSystem = systems.ToDictionary(s => s.Id, _ => new SystemScore());
        var overall = Baselines.All.ToDictionary(b => b.Name, _ => new ErrorStats());
        var failures = systems.ToDictionary(s => s.Id, _ => new Dictionary<string, int>());
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var features = c.Input.Features;
            foreach (var (name, feature) in Baselines.All)
                AddBaseline(overall[name], features[feature], c, recommendation);
            foreach (var result in results[i])
            {
                if (result is SystemFailure failure)
                {
                    var reasons = failures[failure.SystemId];
                    reasons[failure.Reason.Code()] = reasons.GetValueOrDefault(failure.Reason.Code()) + 1;
                    continue;
                }
                var prediction = (SystemPrediction)result;
                var score = perSystem[prediction.SystemId];
                var confidence = Math.Clamp(prediction.Confidence, 0, 100);
                score.Stats.Add(prediction.PredictedPoints, c.ActualPoints, c.Line,
                    PredictionNormalizer.Recommend(prediction.PredictedPoints, confidence, c.Line, recommendation));
                foreach (var (name, feature) in Baselines.All)
                    AddBaseline(score.BaselinesOnSameRows[name], features[feature], c, recommendation);
            }
        }
        return new BacktestReport(cases.Count, perSystem, overall, failures);
    }

    // A baseline has no confidence of its own: it picks whenever its edge clears the threshold.
    private static void AddBaseline(ErrorStats stats, double value, BacktestCase c, RecommendationOptions recommendation)
    {
        if (double.IsNaN(value)) return;
        stats.Add(value, c.ActualPoints, c.Line, PredictionNormalizer.Recommend(value, 100, c.Line, recommendation));
    }
}

public sealed class SystemScore
{
    public ErrorStats Stats { get; } = new();
    public Dictionary<string, ErrorStats> BaselinesOnSameRows { get; } = Baselines.All.ToDictionary(b => b.Name, _ => new ErrorStats());
}

public sealed record BacktestReport(
    int Cases,
    IReadOnlyDictionary<string, SystemScore> Systems,
    IReadOnlyDictionary<string, ErrorStats> Baselines,
    IReadOnlyDictionary<string, Dictionary<string, int>> Failures);
