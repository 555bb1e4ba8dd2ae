using StreamProcessor.Stream.Models;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Evaluation;

/// <summary>The <c>evaluate --json</c> object of one prop. NaN (no picks, no rows) is written as null: JSON has no NaN.</summary>
internal static class EvaluationJson
{
    public static Dictionary<string, object?> Of(BacktestReport report, DateOnly from, DateOnly to, TrainedModels models, PropType prop) => new()
    {
        ["n"] = report.Cases,
        ["prop_type"] = prop.Code(),
        ["from"] = from,
        ["to"] = to,
        ["model_version"] = models.Version,
        ["ensemble_weights"] = models.EnsembleWeights.TryGetValue(prop, out var w) ? w.Weights : null,
        ["systems"] = report.Systems.ToDictionary(s => s.Key, s =>
        {
            var o = Summary(s.Value.Stats);
            o["baselines_same_rows"] = s.Value.BaselinesOnSameRows.ToDictionary(b => b.Key, b => new { mae = R(b.Value.Mae), brier = R(b.Value.Brier) });
            o["failures"] = report.Failures[s.Key];
            return o;
        }),
        ["baselines"] = report.Baselines.ToDictionary(b => b.Key, b => Summary(b.Value)),
    };

    public static Dictionary<string, object?> WithReport(Dictionary<string, object?> json, string? report)
    {
        json["report"] = report;
        return json;
    }

    private static Dictionary<string, object?> Summary(ScoreSummary s) => new()
    {
        ["n"] = s.N,
        ["mae"] = R(s.Mae),
        ["rmse"] = R(s.Rmse),
        ["bias"] = R(s.Bias),
        ["brier"] = R(s.Brier),
        ["hit_rate"] = R(s.HitRate),
        ["picks"] = s.Picks,
        ["hit_rate_conf60"] = R(s.HitRateConfidence60),
        ["n_conf60"] = s.NConfidence60,
        ["hit_rate_conf70"] = R(s.HitRateConfidence70),
        ["n_conf70"] = s.NConfidence70,
        ["reliability"] = s.Reliability.Select(b => new { from = b.From, to = b.To, n = b.N, mean_predicted = R(b.MeanPredicted), observed_over_rate = R(b.ObservedRate) }),
        ["mae_by_minutes"] = s.ByMinutes.ToDictionary(m => m.Bucket, m => new { n = m.N, mae = R(m.Mae) }),
    };

    private static double? R(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);
}
