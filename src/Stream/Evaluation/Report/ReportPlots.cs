using ScottPlot;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction.Systems;

namespace StreamProcessor.Stream.Evaluation.Report;

/// <summary>The four PNG plots of the backtest report, drawn with ScottPlot at a size and font that read on a laptop screen.</summary>
internal static class ReportPlots
{
    private const int Width = 1000;
    private const int Height = 650;
    private const float TitleSize = 22;
    private const float LabelSize = 18;
    private const float TickSize = 15;

    private static readonly Color[] Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c"), Color.FromHex("#d62728"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#7f7f7f"),
    ];

    public static void PredictedVsActual(string path, BacktestReport report, PropType prop)
    {
        var plot = NewPlot($"Predicted vs actual {prop.Code()}: ensemble_v1", $"predicted {prop.Code()}", $"actual {prop.Code()}");
        var rows = report.Systems[SystemIds.Ensemble].Rows;
        var max = rows.Count == 0 ? 1 : Math.Max(rows.Max(r => r.Actual), rows.Max(r => r.Predicted)) + 1;
        var scatter = plot.Add.ScatterPoints(rows.Select(r => r.Predicted).ToArray(), rows.Select(r => r.Actual).ToArray());
        scatter.Color = Palette[0].WithAlpha(0.25);
        scatter.MarkerSize = 5;
        scatter.LegendText = $"player-games (n = {rows.Count:N0})";
        var diagonal = plot.Add.Line(0, 0, max, max);
        diagonal.Color = Colors.Black;
        diagonal.LineWidth = 2;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfect prediction";
        plot.Axes.SetLimits(0, max, 0, max);
        ShowLegend(plot, Alignment.UpperLeft);
        plot.SavePng(path, Width, Height);
    }

    public static void MaeBySystem(string path, BacktestReport report, PropType prop)
    {
        var plot = NewPlot($"MAE by system and baseline ({prop.Code()})", "", $"mean absolute error ({prop.Code()})");
        var names = report.Systems.Keys.Concat(report.Baselines.Keys.Select(b => "baseline " + b)).ToArray();
        var values = report.Systems.Values.Select(s => s.Stats.Mae).Concat(report.Baselines.Values.Select(b => b.Mae)).ToArray();
        var bars = values.Select((v, i) => new Bar
        {
            Position = i,
            Value = v,
            FillColor = i < report.Systems.Count ? Palette[0] : Palette[7],
            Label = v.ToString("F3"),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = TickSize;
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, names.Length).Select(i => (double)i).ToArray(), names.Select(Wrap).ToArray());
        var finite = values.Where(double.IsFinite).DefaultIfEmpty(1).ToArray();
        plot.Axes.SetLimitsY(finite.Min() * 0.95, finite.Max() * 1.02);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.SavePng(path, Width + 200, Height);
    }

    public static void Reliability(string path, BacktestReport report, PropType prop)
    {
        var plot = NewPlot($"Reliability of P(over the line), {prop.Code()}", "predicted P(over), mean of each decile", "observed over-rate");
        var i = 0;
        foreach (var (id, score) in report.Systems)
        {
            var bins = score.Stats.Reliability.Where(b => b.N >= 20).ToArray();
            var line = plot.Add.Scatter(bins.Select(b => b.MeanPredicted).ToArray(), bins.Select(b => b.ObservedRate).ToArray());
            line.Color = Palette[i++ % Palette.Length];
            line.LineWidth = id == SystemIds.Ensemble ? 4 : 2;
            line.MarkerSize = id == SystemIds.Ensemble ? 10 : 6;
            line.LegendText = $"{id} (Brier {score.Stats.Brier:F4})";
        }
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = Colors.Black;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfectly calibrated";
        plot.Axes.SetLimits(0, 1, 0, 1);
        ShowLegend(plot, Alignment.UpperLeft);
        plot.SavePng(path, Width, Height);
    }

    /// <summary>ROI of each system's picks at every EV threshold, with how many picks each point rests on.</summary>
    public static void RoiByThreshold(string path, IReadOnlyDictionary<string, MarketScore> scores, PropType prop)
    {
        var plot = NewPlot($"ROI at the books' prices against the EV threshold ({prop.Code()})", "min_ev (expected value a pick needs)", "ROI per unit staked");
        var i = 0;
        foreach (var (id, score) in scores.Where(s => s.Key != MarketBacktest.MarketId))
        {
            var points = score.ByThreshold.Where(t => t.Picks > 0 && double.IsFinite(t.Roi)).ToArray();
            var color = Palette[i++ % Palette.Length];
            if (points.Length == 0) continue;
            var line = plot.Add.Scatter(points.Select(t => t.MinEv).ToArray(), points.Select(t => t.Roi).ToArray());
            line.Color = color;
            line.LineWidth = id == SystemIds.Ensemble ? 4 : 2;
            line.LegendText = id;
            if (id != SystemIds.Ensemble) continue;
            foreach (var t in points)
            {
                var label = plot.Add.Text($"{t.Picks}", t.MinEv, t.Roi);
                label.LabelFontSize = TickSize;
            }
        }
        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Black;
        zero.LinePattern = LinePattern.Dashed;
        ShowLegend(plot, Alignment.UpperRight);
        plot.SavePng(path, Width, Height);
    }

    /// <summary>The ensemble's market-aware P(over) and the market's own, decile by decile, on the same real lines.</summary>
    public static void ReliabilityAgainstMarket(string path, IReadOnlyDictionary<string, MarketScore> scores, PropType prop)
    {
        var plot = NewPlot($"Reliability against real lines ({prop.Code()})", "predicted P(over), mean of each decile", "observed over-rate");
        if (scores.TryGetValue(SystemIds.Ensemble, out var ensemble))
        {
            Add(ensemble.Reliability, Palette[0], $"ensemble_v1, market-aware (Brier {ensemble.Brier:F4})");
            Add(ensemble.MarketReliability, Palette[3], $"market, de-vigged (Brier {ensemble.MarketBrier:F4})");
        }
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = Colors.Black;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfectly calibrated";
        plot.Axes.SetLimits(0, 1, 0, 1);
        ShowLegend(plot, Alignment.UpperLeft);
        plot.SavePng(path, Width, Height);

        void Add(IReadOnlyList<ReliabilityBin> reliability, Color color, string legend)
        {
            var bins = reliability.Where(b => b.N >= 10).ToArray();
            var line = plot.Add.Scatter(bins.Select(b => b.MeanPredicted).ToArray(), bins.Select(b => b.ObservedRate).ToArray());
            line.Color = color;
            line.LineWidth = 3;
            line.MarkerSize = 8;
            line.LegendText = legend;
        }
    }

    public static void ErrorByMinutes(string path, BacktestReport report, PropType prop)
    {
        var plot = NewPlot($"MAE by minutes played ({prop.Code()})", "minutes actually played", $"mean absolute error ({prop.Code()})");
        var series = new List<(string Name, ScoreSummary Score)>
        {
            (SystemIds.Ensemble, report.Systems[SystemIds.Ensemble].Stats),
            (SystemIds.Xgboost, report.Systems[SystemIds.Xgboost].Stats),
            ("baseline ewma", report.Baselines["ewma"]),
        };
        var buckets = ScoreSummary.MinutesBuckets;
        const double groupWidth = 0.8;
        var barWidth = groupWidth / series.Count;
        for (var s = 0; s < series.Count; s++)
        {
            var bars = series[s].Score.ByMinutes.Select((m, b) => new Bar
            {
                Position = b - groupWidth / 2 + barWidth * (s + 0.5),
                Value = double.IsNaN(m.Mae) ? 0 : m.Mae,
                Size = barWidth * 0.95,
                FillColor = Palette[s == 2 ? 7 : s],
            }).ToList();
            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = series[s].Name;
        }
        var counts = series[0].Score.ByMinutes;
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, buckets.Count).Select(b => (double)b).ToArray(),
            buckets.Select((b, k) => $"{b.Name} min\n(n = {counts[k].N:N0})").ToArray());
        plot.Axes.Margins(bottom: 0);
        ShowLegend(plot, Alignment.UpperLeft);
        plot.SavePng(path, Width, Height);
    }

    private static Plot NewPlot(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = TitleSize;
        plot.XLabel(x);
        plot.YLabel(y);
        plot.Axes.Bottom.Label.FontSize = LabelSize;
        plot.Axes.Left.Label.FontSize = LabelSize;
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        return plot;
    }

    private static void ShowLegend(Plot plot, Alignment where)
    {
        plot.ShowLegend(where);
        plot.Legend.FontSize = TickSize;
    }

    private static string Wrap(string name) => name.Replace("baseline ", "baseline\n").Replace("similarity_balanced_v1", "similarity_\nbalanced_v1");
}
