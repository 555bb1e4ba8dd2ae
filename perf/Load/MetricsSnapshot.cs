using System.Globalization;

namespace StreamProcessor.Perf.Load;

/// <summary>
/// One scrape of the service's /metrics: the request counters, the end-to-end latency histogram, and the sums and
/// counts of the per-batch stage histograms (durations of the feature read, write and publish; batch sizes by stage),
/// the managed heap (its live objects, and what the GC has committed for it), and what the embedded warehouse holds by
/// use (DuckDB's memory by its tag; none on BigQuery, which holds none in the process).
/// </summary>
public sealed record MetricsSnapshot(double Done, double Received, IReadOnlyList<(double Le, double Count)> LatencyBuckets,
    IReadOnlyDictionary<string, double> StageTotals, double ManagedBytes, double ManagedCommittedBytes, IReadOnlyDictionary<string, double> WarehouseByUse)
{
    /// <summary>All the embedded warehouse holds (0 on BigQuery).</summary>
    public double WarehouseBytes => WarehouseByUse.Values.Sum();

    private static readonly string[] Stages =
        ["stream_feature_load_duration_seconds", "stream_write_duration_seconds", "stream_publish_duration_seconds", "stream_batch_size"];

    private const string Latency = "stream_request_duration_seconds_bucket";

    /// <summary>Requests finished either way: succeeded, failed (written with every system failed), skipped or dead-lettered.</summary>
    private static readonly string[] Finished =
        ["stream_requests_succeeded_total", "stream_requests_failed_total", "stream_requests_skipped_total", "stream_requests_dead_lettered_total"];

    public static MetricsSnapshot Parse(string text)
    {
        double done = 0, received = 0, managed = double.NaN, committed = double.NaN;
        var warehouse = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var buckets = new SortedDictionary<double, double>();
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var space = line.LastIndexOf(' ');
            if (space < 0) continue;
            var value = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            var brace = line.IndexOf('{');
            var name = brace >= 0 ? line[..brace] : line[..space];
            if (Finished.Contains(name)) done += value;
            else if ((name.EndsWith("_sum", StringComparison.Ordinal) || name.EndsWith("_count", StringComparison.Ordinal))
                     && Stages.Contains(name[..name.LastIndexOf('_')]))
                totals[line[..space]] = value;
            else if (name == "stream_requests_received_total") received += value;
            else if (name == "dotnet_total_memory_bytes") managed = value; // the GC's heap (prometheus-net's DotNetStats)
            else if (name == "stream_gc_committed_bytes") committed = value;
            else if (name == "stream_warehouse_memory_bytes") warehouse[LabelValue(line, "use")] = value;
            else if (name == Latency)
            {
                var le = LabelValue(line, "le");
                var bound = le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture);
                buckets[bound] = buckets.GetValueOrDefault(bound) + value;
            }
        }
        return new MetricsSnapshot(done, received, buckets.Select(b => (b.Key, b.Value)).ToArray(), totals, managed, committed, warehouse);
    }

    private static string LabelValue(string line, string label)
    {
        var start = line.IndexOf(label + "=\"", StringComparison.Ordinal) + label.Length + 2;
        return line[start..line.IndexOf('"', start)];
    }

    /// <summary>The mean of a stage histogram's observations between <paramref name="before"/> and this scrape (NaN without any).</summary>
    /// <param name="series">The histogram's name with its labels, e.g. <c>stream_batch_size{stage="write"}</c>.</param>
    public double MeanSince(MetricsSnapshot before, string series)
    {
        var brace = series.IndexOf('{');
        var (name, labels) = brace < 0 ? (series, "") : (series[..brace], series[brace..]);
        double Delta(string suffix) => StageTotals.GetValueOrDefault(name + suffix + labels) - before.StageTotals.GetValueOrDefault(name + suffix + labels);
        var count = Delta("_count");
        return count > 0 ? Delta("_sum") / count : double.NaN;
    }

    /// <summary>Observations of a stage histogram between <paramref name="before"/> and this scrape.</summary>
    public double CountSince(MetricsSnapshot before, string series)
    {
        var brace = series.IndexOf('{');
        var (name, labels) = brace < 0 ? (series, "") : (series[..brace], series[brace..]);
        return StageTotals.GetValueOrDefault(name + "_count" + labels) - before.StageTotals.GetValueOrDefault(name + "_count" + labels);
    }

    /// <summary>
    /// A quantile of the latencies recorded between <paramref name="before"/> and this scrape, interpolated within
    /// its bucket as Prometheus' histogram_quantile does (the service's buckets are quarter-octaves, so this is within about a tenth).
    /// </summary>
    public double QuantileSince(MetricsSnapshot before, double q)
    {
        var counts = LatencyBuckets.Select(b => (b.Le, Count: b.Count - before.LatencyBuckets.FirstOrDefault(x => x.Le == b.Le).Count)).ToArray();
        var total = counts.Length == 0 ? 0 : counts[^1].Count;
        if (total <= 0) return double.NaN;
        var rank = q * total;
        double lower = 0, below = 0;
        foreach (var (le, count) in counts)
        {
            if (count >= rank)
            {
                if (double.IsPositiveInfinity(le)) return lower;
                return lower + (le - lower) * ((rank - below) / Math.Max(1e-9, count - below));
            }
            (lower, below) = (le, count);
        }
        return lower;
    }
}
