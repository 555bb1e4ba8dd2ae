using StreamProcessor.Stream.Cli;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Evaluation;

/// <summary>The real-lines table of <c>stream evaluate</c>, and its JSON.</summary>
internal static class MarketPrinter
{
    public static void Print(CommandContext context, IReadOnlyDictionary<string, MarketScore> scores, PropType prop, int requests)
    {
        context.Say($"against real lines ({prop.Code()}): {requests:N0} player-games with the books' consensus line; P(over) market-aware, picks by EV >= {context.Options.Recommendation.MinEv:F2} at the books' mean price");
        context.Say($"{"",-24} {"n",5} {"Brier",6} {"mkt",6} {"logloss",7} {"mkt",6} {"MAE",6} {"line",6} {"picks",5} {"hit",6} {"ROI",7}  95% interval");
        foreach (var (id, s) in scores)
            context.Say($"{id,-24} {s.N,5} {s.Brier,6:F4} {s.MarketBrier,6:F4} {s.LogLoss,7:F4} {s.MarketLogLoss,6:F4} {s.Mae,6:F3} {s.LineMae,6:F3} {s.Picks,5} {P(s.HitRate),6} {P(s.Roi),7}  {Interval(s)}");
        context.Say("mkt = the market's de-vigged probability on the same rows; line = the line's MAE as a forecast of the stat; ROI = return per unit staked, flat stakes; " +
                    "a ROI on fewer than ~300 picks is mostly noise (see the interval)");
        context.Say("");
    }

    public static Dictionary<string, object?> Json(IReadOnlyDictionary<string, MarketScore> scores, int requests, double minEv) => new()
    {
        ["n"] = requests,
        ["min_ev"] = minEv,
        ["systems"] = scores.ToDictionary(s => s.Key, s => (object?)new Dictionary<string, object?>
        {
            ["n"] = s.Value.N,
            ["brier"] = R(s.Value.Brier),
            ["market_brier"] = R(s.Value.MarketBrier),
            ["log_loss"] = R(s.Value.LogLoss),
            ["market_log_loss"] = R(s.Value.MarketLogLoss),
            ["mae"] = R(s.Value.Mae),
            ["line_mae"] = R(s.Value.LineMae),
            ["picks"] = s.Value.Picks,
            ["hit_rate"] = R(s.Value.HitRate),
            ["roi"] = R(s.Value.Roi),
            ["roi_low"] = R(s.Value.RoiInterval.Low),
            ["roi_high"] = R(s.Value.RoiInterval.High),
            ["reliability"] = s.Value.Reliability.Select(b => new { from = b.From, to = b.To, n = b.N, mean_predicted = R(b.MeanPredicted), observed_over_rate = R(b.ObservedRate) }),
            ["market_reliability"] = s.Value.MarketReliability.Select(b => new { from = b.From, to = b.To, n = b.N, mean_predicted = R(b.MeanPredicted), observed_over_rate = R(b.ObservedRate) }),
            ["roi_by_min_ev"] = s.Value.ByThreshold.Select(t => new { min_ev = t.MinEv, picks = t.Picks, roi = R(t.Roi) }),
        }),
    };

    private static string Interval(MarketScore s) =>
        double.IsNaN(s.RoiInterval.Low) ? "-" : $"[{s.RoiInterval.Low:P1}, {s.RoiInterval.High:P1}] on {s.Picks} picks";

    private static string P(double rate) => double.IsNaN(rate) ? "-" : rate.ToString("P1");

    private static double? R(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);
}
