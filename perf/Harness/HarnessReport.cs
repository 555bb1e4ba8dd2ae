using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace StreamProcessor.Perf.Harness;

/// <summary>The harness's result: every scale, the worst ratio over the one-request-at-a-time design, and the targets checked (reported, never asserted).</summary>
public sealed record HarnessReport
{
    [JsonPropertyName("quick")] public required bool Quick { get; init; }
    /// <summary>Whether the children ran the ReadyToRun publish (as the container ships) or the JIT-compiled build.</summary>
    [JsonPropertyName("ready_to_run")] public bool ReadyToRun { get; init; }
    [JsonPropertyName("cores")] public int Cores { get; init; } = Environment.ProcessorCount;
    [JsonPropertyName("scales")] public required IReadOnlyList<ScaleResult> Scales { get; init; }

    /// <summary>The smallest batched / sequential ratio over the scales (each pair measured in the same run).</summary>
    [JsonPropertyName("sequential_ratio")] public double SequentialRatio => Scales.Count == 0 ? 0 : Scales.Min(s => s.SequentialRatio);

    /// <summary>The same, measured warm (the scales that have a warm pair).</summary>
    [JsonPropertyName("warm_sequential_ratio")] public double WarmSequentialRatio =>
        Scales.Where(s => s.Warm is not null).Select(s => s.Warm!.SequentialRatio).DefaultIfEmpty(0).Min();

    [JsonPropertyName("targets")] public IReadOnlyDictionary<string, bool> Targets => new SortedDictionary<string, bool>
    {
        ["season_requests_per_second_ge_10000"] = Find("season") is { } s && s.RequestsPerSecond >= 10_000,
        ["day_elapsed_ms_le_100"] = Find("day") is { } d && d.ElapsedMs <= 100,
        ["day_warm_elapsed_ms_le_100"] = Find("day")?.Warm is { } w && w.Batched.ElapsedMs <= 100,
        ["sequential_ratio_ge_100"] = SequentialRatio >= 100,
        ["warm_sequential_ratio_ge_100"] = WarmSequentialRatio >= 100,
        ["season_25x_peak_rss_le_1_5x_day"] = Find("season-25x") is { } big && Find("day") is { } day && big.PeakRssMb <= 1.5 * day.PeakRssMb,
    };

    private ScaleResult? Find(string scale) => Scales.FirstOrDefault(s => s.Scale == scale);

    public static string TableHeader =>
        "| scale | requests | requests/s | pipeline ms | p50 ms | p99 ms | peak RSS MB | of it managed / DuckDB MB | allocated MB / GC pause ms | one-at-a-time req/s (n) | ratio | warm ms | warm req/s | warm one-at-a-time req/s | warm ratio |\n" +
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    public static string TableRow(ScaleResult s) => string.Create(CultureInfo.InvariantCulture,
        $"| {s.Scale} | {s.Requests:N0} | {s.RequestsPerSecond:N0} | {s.ElapsedMs:N0} | {s.P50Ms:N1} | {s.P99Ms:N1} | {s.PeakRssMb:N0} | {s.PeakManagedMb:N0} / {s.DuckDbMemoryMb.Values.Sum():N0} | {s.Runtime.AllocatedMb:N0} / {s.Runtime.GcPauseMs:N0} | {s.Sequential.RequestsPerSecond:N1} ({s.Sequential.Requests:N0}) | {s.SequentialRatio:N0}x | {Warm(s)} |");

    private static string Warm(ScaleResult s) => s.Warm is not { } w ? "- | - | - | -" : string.Create(CultureInfo.InvariantCulture,
        $"{w.Batched.ElapsedMs:N0} | {w.Batched.RequestsPerSecond:N0} | {w.Sequential.RequestsPerSecond:N1} | {w.SequentialRatio:N0}x");

    public string Table()
    {
        var text = new StringBuilder(TableHeader).Append('\n');
        foreach (var s in Scales) text.Append(TableRow(s)).Append('\n');
        return text.ToString();
    }
}
