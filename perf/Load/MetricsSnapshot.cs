using System.Globalization;

namespace StreamProcessor.Perf.Load;

/// <summary>One scrape of the service's /metrics: the request counters and the end-to-end latency histogram.</summary>
public sealed record MetricsSnapshot(double Done, double Received, IReadOnlyList<(double Le, double Count)> LatencyBuckets)
{
    private const string Latency = "stream_request_duration_seconds_bucket";

    /// <summary>Requests finished either way: succeeded, failed (written with every system failed), skipped or dead-lettered.</summary>
    private static readonly string[] Finished =
        ["stream_requests_succeeded_total", "stream_requests_failed_total", "stream_requests_skipped_total", "stream_requests_dead_lettered_total"];

    public static MetricsSnapshot Parse(string text)
    {
        double done = 0, received = 0;
        var buckets = new SortedDictionary<double, double>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var space = line.LastIndexOf(' ');
            if (space < 0) continue;
            var value = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            var brace = line.IndexOf('{');
            var name = brace >= 0 ? line[..brace] : line[..space];
            if (Finished.Contains(name)) done += value;
            else if (name == "stream_requests_received_total") received += value;
            else if (name == Latency)
            {
                var le = line[(line.IndexOf("le=\"", StringComparison.Ordinal) + 4)..];
                le = le[..le.IndexOf('"')];
                var bound = le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture);
                buckets[bound] = buckets.GetValueOrDefault(bound) + value;
            }
        }
        return new MetricsSnapshot(done, received, buckets.Select(b => (b.Key, b.Value)).ToArray());
    }

    /// <summary>
    /// A quantile of the latencies recorded between <paramref name="before"/> and this scrape, interpolated within
    /// its bucket as Prometheus' histogram_quantile does (buckets double, so this is within a factor of two).
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
