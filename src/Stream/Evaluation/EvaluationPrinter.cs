using StreamProcessor.Stream.Cli;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Evaluation;

/// <summary>The human-readable tables of <c>stream evaluate</c>.</summary>
internal static class EvaluationPrinter
{
    public static void Print(CommandContext context, BacktestReport report, PropType prop, DateOnly from, DateOnly to, string modelVersion)
    {
        context.Say($"walk-forward backtest of {prop.Code()} {from:yyyy-MM-dd} .. {to:yyyy-MM-dd}: {report.Cases:N0} player-games with ≥ {context.Options.Evaluate.MinEarlierGames} earlier games; model {modelVersion}");
        context.Say($"{"",-24} {"n",5} {"MAE",6} {"RMSE",6} {"bias",6} {"Brier",6} {"hit",6} {"picks",5} {"hit60",6} {"n60",5} {"hit70",6} {"n70",5}  ewma MAE same rows");
        foreach (var (id, score) in report.Systems)
            context.Say($"{id,-24} {Row(score.Stats)}  {score.BaselinesOnSameRows["ewma"].Mae:F3}");
        foreach (var (name, s) in report.Baselines)
            context.Say($"{"baseline " + name,-24} {Row(s)}");
        context.Say($"MAE by minutes played ({string.Join(", ", ScoreSummary.MinutesBuckets.Select(b => b.Name))}):");
        foreach (var (id, score) in report.Systems.Select(s => (s.Key, s.Value.Stats)).Concat(report.Baselines.Select(b => ("baseline " + b.Key, b.Value))))
            context.Say($"  {id,-22} {string.Join(" ", score.ByMinutes.Select(m => $"{m.Mae,6:F2} ({m.N,4})"))}");
        context.Say("Brier and hits are against the synthetic line (the pre-game EWMA of the stat rounded to x.5); hit = share of OVER/UNDER picks that won; " +
                    "hit60/hit70 = share of predictions of confidence ≥ 60/70 whose favoured side won");
        context.Say("");
    }

    private static string Row(ScoreSummary s) =>
        $"{s.N,5} {s.Mae,6:F3} {s.Rmse,6:F3} {s.Bias,6:F3} {s.Brier,6:F4} {P(s.HitRate),6} {s.Picks,5} {P(s.HitRateConfidence60),6} {s.NConfidence60,5} {P(s.HitRateConfidence70),6} {s.NConfidence70,5}";

    private static string P(double rate) => double.IsNaN(rate) ? "-" : rate.ToString("P1");
}
