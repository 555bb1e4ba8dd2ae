using System.Globalization;
using System.Net;
using System.Text;
using StreamProcessor.Stream.Models;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Evaluation.Report;

/// <summary><c>evaluate --report DIR</c>: an index.html with the metric tables and four PNG plots per prop.</summary>
internal static class HtmlReport
{
    public static string Write(string directory, IReadOnlyDictionary<PropType, BacktestReport> reports, DateOnly from, DateOnly to, TrainedModels models,
        IReadOnlyDictionary<PropType, IReadOnlyDictionary<string, MarketScore>>? market = null)
    {
        Directory.CreateDirectory(directory);
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Backtest {{from:yyyy-MM-dd}} .. {{to:yyyy-MM-dd}}</title>
            <style>body{font-family:sans-serif;margin:2em;max-width:1300px} table{border-collapse:collapse;margin:1em 0}
            td,th{border:1px solid #ccc;padding:4px 8px;text-align:right} th:first-child,td:first-child{text-align:left}
            img{max-width:100%;border:1px solid #eee;margin:0.5em 0}</style></head><body>
            <h1>Walk-forward backtest {{from:yyyy-MM-dd}} .. {{to:yyyy-MM-dd}}</h1>
            <p>Model {{Encode(models.Version)}}; ensemble weights and probability curves fitted on {{models.ValidationFrom:yyyy-MM-dd}} .. {{models.ValidationTo:yyyy-MM-dd}}.
            Lines are synthetic: the player's pre-game EWMA of the stat rounded to x.5. Confidence = 100 × max(P(over), 1 − P(over)).</p>
            """);
        foreach (var (prop, report) in reports)
        {
            var code = prop.Code();
            var plots = new (string File, string Alt, Action<string> Draw)[]
            {
                ($"predicted_vs_actual_{code}.png", "predicted vs actual", p => ReportPlots.PredictedVsActual(p, report, prop)),
                ($"mae_by_system_{code}.png", "MAE by system", p => ReportPlots.MaeBySystem(p, report, prop)),
                ($"reliability_{code}.png", "reliability diagram", p => ReportPlots.Reliability(p, report, prop)),
                ($"error_by_minutes_{code}.png", "error by minutes bucket", p => ReportPlots.ErrorByMinutes(p, report, prop)),
            };
            html.Append($"<h2>{code} (n = {report.Cases:N0} player-games)</h2>\n");
            html.Append(Table(report));
            foreach (var (file, alt, draw) in plots)
            {
                draw(Path.Combine(directory, file));
                html.Append($"<img src=\"{file}\" alt=\"{alt} ({code})\">\n");
            }
            if (market is not null && market.TryGetValue(prop, out var scores))
            {
                html.Append($"<h3>{code} against real lines</h3>\n").Append(MarketTable(scores));
                var roi = $"roi_vs_ev_{code}.png";
                var reliability = $"reliability_vs_market_{code}.png";
                ReportPlots.RoiByThreshold(Path.Combine(directory, roi), scores, prop);
                ReportPlots.ReliabilityAgainstMarket(Path.Combine(directory, reliability), scores, prop);
                html.Append($"<img src=\"{roi}\" alt=\"ROI against the EV threshold ({code})\">\n<img src=\"{reliability}\" alt=\"reliability against the market ({code})\">\n");
            }
        }
        html.Append("</body></html>\n");
        var index = Path.Combine(directory, "index.html");
        File.WriteAllText(index, html.ToString());
        return index;
    }

    private static string Table(BacktestReport report)
    {
        var rows = new StringBuilder("<table><tr><th>system</th><th>n</th><th>MAE</th><th>RMSE</th><th>bias</th><th>Brier</th><th>hit rate</th><th>picks</th><th>hit at conf ≥ 60</th><th>n</th><th>hit at conf ≥ 70</th><th>n</th></tr>\n");
        foreach (var (name, s) in report.Systems.Select(s => (s.Key, s.Value.Stats)).Concat(report.Baselines.Select(b => ("baseline " + b.Key, b.Value))))
            rows.Append($"<tr><td>{Encode(name)}</td><td>{s.N}</td><td>{F(s.Mae, 3)}</td><td>{F(s.Rmse, 3)}</td><td>{F(s.Bias, 3)}</td><td>{F(s.Brier, 4)}</td>" +
                        $"<td>{Pct(s.HitRate)}</td><td>{s.Picks}</td><td>{Pct(s.HitRateConfidence60)}</td><td>{s.NConfidence60}</td><td>{Pct(s.HitRateConfidence70)}</td><td>{s.NConfidence70}</td></tr>\n");
        return rows.Append("</table>\n").ToString();
    }

    private static string MarketTable(IReadOnlyDictionary<string, MarketScore> scores)
    {
        var rows = new StringBuilder("<table><tr><th>system</th><th>n</th><th>Brier</th><th>market Brier</th><th>log loss</th><th>market log loss</th><th>MAE</th><th>line MAE</th><th>picks</th><th>hit rate</th><th>ROI</th><th>95 % interval</th></tr>\n");
        foreach (var (name, s) in scores)
            rows.Append($"<tr><td>{Encode(name)}</td><td>{s.N}</td><td>{F(s.Brier, 4)}</td><td>{F(s.MarketBrier, 4)}</td><td>{F(s.LogLoss, 4)}</td><td>{F(s.MarketLogLoss, 4)}</td>" +
                        $"<td>{F(s.Mae, 3)}</td><td>{F(s.LineMae, 3)}</td><td>{s.Picks}</td><td>{Pct(s.HitRate)}</td><td>{Pct(s.Roi)}</td><td>{Pct(s.RoiInterval.Low)} .. {Pct(s.RoiInterval.High)}</td></tr>\n");
        return rows.Append("</table><p>ROI: flat stakes at the books' mean price of the side picked; the interval is a bootstrap over the picks, and a number resting on a few dozen picks says little.</p>\n").ToString();
    }

    private static string F(double value, int digits) => double.IsNaN(value) ? "-" : value.ToString("F" + digits, CultureInfo.InvariantCulture);
    private static string Pct(double value) => double.IsNaN(value) ? "-" : (100 * value).ToString("F1", CultureInfo.InvariantCulture) + " %";
    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
