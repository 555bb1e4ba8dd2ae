using System.Text.Json.Serialization;

namespace StreamProcessor.Perf.Load;

/// <summary>RSS of the service over a soak at a steady rate: growth from the first minute's mean to the last minute's.</summary>
public sealed record SoakResult
{
    [JsonPropertyName("minutes")] public required double Minutes { get; init; }
    [JsonPropertyName("rate")] public required int Rate { get; init; }
    [JsonPropertyName("requests")] public required long Requests { get; init; }
    [JsonPropertyName("rss_first_minute_mb")] public required double RssFirstMinuteMb { get; init; }
    [JsonPropertyName("rss_last_minute_mb")] public required double RssLastMinuteMb { get; init; }
    [JsonPropertyName("rss_peak_mb")] public required double RssPeakMb { get; init; }
    [JsonPropertyName("rss_growth_percent")] public double RssGrowthPercent => RssFirstMinuteMb > 0 ? Math.Round(100 * (RssLastMinuteMb / RssFirstMinuteMb - 1), 1) : 0;
    [JsonPropertyName("p99_ms")] public required double P99Ms { get; init; }
}
