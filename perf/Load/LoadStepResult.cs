using System.Text.Json.Serialization;

namespace StreamProcessor.Perf.Load;

/// <summary>One offered rate: what the service sustained and its own end-to-end latency histogram over the step.</summary>
public sealed record LoadStepResult
{
    /// <summary>Requests per second offered; "max" for flat out.</summary>
    [JsonPropertyName("offered")] public required string Offered { get; init; }
    [JsonPropertyName("requests")] public required long Requests { get; init; }
    [JsonPropertyName("seconds")] public required double Seconds { get; init; }
    [JsonPropertyName("sustained_per_second")] public required double SustainedPerSecond { get; init; }
    [JsonPropertyName("p50_ms")] public required double P50Ms { get; init; }
    [JsonPropertyName("p95_ms")] public required double P95Ms { get; init; }
    [JsonPropertyName("p99_ms")] public required double P99Ms { get; init; }
    [JsonPropertyName("rss_mb")] public required double RssMb { get; init; }
    [JsonPropertyName("completed")] public required bool Completed { get; init; }
    [JsonPropertyName("stages")] public required LoadStageMeans Stages { get; init; }
}
