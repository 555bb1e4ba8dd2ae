using System.Text.Json.Serialization;

namespace StreamProcessor.Perf.Load;

/// <summary>
/// The service over a soak at a steady rate: what it sustained, its latency, and its RSS (with the managed heap, what
/// the GC has committed for it, and DuckDB's own memory beside it, so growth can be told apart: the GC's, DuckDB's, or
/// other native) from the first minute's mean to the last's.
/// </summary>
public sealed record SoakResult
{
    [JsonPropertyName("minutes")] public required double Minutes { get; init; }
    [JsonPropertyName("rate")] public required int Rate { get; init; }
    [JsonPropertyName("requests")] public required long Requests { get; init; }
    [JsonPropertyName("rss_first_minute_mb")] public required double RssFirstMinuteMb { get; init; }
    [JsonPropertyName("rss_last_minute_mb")] public required double RssLastMinuteMb { get; init; }
    [JsonPropertyName("rss_peak_mb")] public required double RssPeakMb { get; init; }
    [JsonPropertyName("rss_growth_percent")] public double RssGrowthPercent => RssFirstMinuteMb > 0 ? Math.Round(100 * (RssLastMinuteMb / RssFirstMinuteMb - 1), 1) : 0;
    [JsonPropertyName("sustained_per_second")] public required double SustainedPerSecond { get; init; }
    [JsonPropertyName("completed")] public required bool Completed { get; init; }
    [JsonPropertyName("p50_ms")] public required double P50Ms { get; init; }
    [JsonPropertyName("p99_ms")] public required double P99Ms { get; init; }
    [JsonPropertyName("managed_first_minute_mb")] public required double ManagedFirstMinuteMb { get; init; }
    [JsonPropertyName("managed_last_minute_mb")] public required double ManagedLastMinuteMb { get; init; }
    [JsonPropertyName("managed_committed_first_minute_mb")] public required double ManagedCommittedFirstMinuteMb { get; init; }
    [JsonPropertyName("managed_committed_last_minute_mb")] public required double ManagedCommittedLastMinuteMb { get; init; }
    [JsonPropertyName("warehouse_first_minute_mb")] public required double WarehouseFirstMinuteMb { get; init; }
    [JsonPropertyName("warehouse_last_minute_mb")] public required double WarehouseLastMinuteMb { get; init; }

    /// <summary>Per minute of the soak: the mean RSS, managed heap and warehouse memory (MB), and requests finished in it.</summary>
    [JsonPropertyName("by_minute")] public required IReadOnlyList<SoakMinute> ByMinute { get; init; }
}
