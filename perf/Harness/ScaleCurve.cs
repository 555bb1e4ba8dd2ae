using ScottPlot;

namespace StreamProcessor.Perf.Harness;

/// <summary>The scale curve: requests/s (both designs, left axis) and peak RSS (right axis) against requests, log scale.</summary>
public static class ScaleCurve
{
    public static void Save(IReadOnlyList<ScaleResult> rows, string path)
    {
        var plot = new Plot();
        plot.Title("Replay harness: throughput and peak RSS by scale");
        plot.XLabel("requests in the run (log scale)");
        plot.Axes.Left.Label.Text = "requests/s of pipeline time (log scale)";
        plot.Axes.Right.Label.Text = "peak RSS, MB";
        var xs = rows.Select(r => Math.Log10(Math.Max(1, r.Requests))).ToArray();

        var batched = plot.Add.Scatter(xs, rows.Select(r => Math.Log10(Math.Max(1, r.RequestsPerSecond))).ToArray());
        batched.LegendText = "batched pipeline, requests/s";
        batched.LineWidth = 3;
        batched.MarkerSize = 9;
        var sequential = plot.Add.Scatter(xs, rows.Select(r => Math.Log10(Math.Max(1, r.Sequential.RequestsPerSecond))).ToArray());
        sequential.LegendText = "one request at a time, requests/s";
        sequential.LineWidth = 3;
        sequential.MarkerSize = 9;
        sequential.LinePattern = LinePattern.Dashed;
        var rss = plot.Add.Scatter(xs, rows.Select(r => r.PeakRssMb).ToArray());
        rss.LegendText = "batched pipeline, peak RSS (right axis)";
        rss.Axes.YAxis = plot.Axes.Right;
        rss.LineWidth = 2;
        rss.MarkerSize = 9;

        var decades = Enumerable.Range(0, 8).Select(d => (double)d).ToArray();
        string[] labels = ["1", "10", "100", "1k", "10k", "100k", "1M", "10M"];
        plot.Axes.Bottom.SetTicks(decades, labels);
        plot.Axes.Left.SetTicks(decades, labels);
        plot.Axes.SetLimitsX(xs.Min() - 0.2, xs.Max() + 0.2);
        plot.Axes.SetLimitsY(0, Math.Ceiling(rows.Max(r => Math.Log10(Math.Max(1, r.RequestsPerSecond)))) + 0.3);
        plot.Axes.SetLimitsY(0, rows.Max(r => r.PeakRssMb) * 1.2, plot.Axes.Right);
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 900, 520);
    }
}
