using System.Text.Json.Serialization;

namespace StreamProcessor.Perf.Harness;

/// <summary>One row of the harness: a scale's batched run beside the one-request-at-a-time design on the same data.</summary>
public sealed record ScaleResult
{
    [JsonPropertyName("scale")] public required string Scale { get; init; }
    [JsonPropertyName("requests")] public required long Requests { get; init; }
    [JsonPropertyName("requests_per_second")] public required double RequestsPerSecond { get; init; }
    [JsonPropertyName("elapsed_ms")] public required double ElapsedMs { get; init; }
    [JsonPropertyName("p50_ms")] public required double P50Ms { get; init; }
    [JsonPropertyName("p99_ms")] public required double P99Ms { get; init; }
    [JsonPropertyName("peak_rss_mb")] public required double PeakRssMb { get; init; }
    [JsonPropertyName("peak_managed_mb")] public required double PeakManagedMb { get; init; }
    [JsonPropertyName("duckdb_memory_mb")] public required IReadOnlyDictionary<string, double> DuckDbMemoryMb { get; init; }
    [JsonPropertyName("predictions_written")] public required long PredictionsWritten { get; init; }
    [JsonPropertyName("dead_lettered")] public required long DeadLettered { get; init; }

    [JsonPropertyName("stages")] public required IReadOnlyDictionary<string, double> Stages { get; init; }
    [JsonPropertyName("runtime")] public required RuntimeCosts Runtime { get; init; }

    /// <summary>The one-request-at-a-time design over the first requests of the same scale (its rate does not depend on the total).</summary>
    [JsonPropertyName("sequential")] public required RunResult Sequential { get; init; }

    /// <summary>The same pair measured warm (null for the synthetic seasons, where the one-time costs are under a percent of the run).</summary>
    [JsonPropertyName("warm")] public WarmResult? Warm { get; init; }

    [JsonPropertyName("sequential_ratio")] public double SequentialRatio => Sequential.RequestsPerSecond > 0 ? Math.Round(RequestsPerSecond / Sequential.RequestsPerSecond, 1) : 0;

    public static ScaleResult Of(Scale scale, RunResult batched, RunResult sequential, WarmResult? warm) => new()
    {
        Scale = scale.Name,
        Requests = batched.Requests,
        RequestsPerSecond = batched.RequestsPerSecond,
        ElapsedMs = batched.ElapsedMs,
        P50Ms = batched.P50Ms,
        P99Ms = batched.P99Ms,
        PeakRssMb = batched.PeakRssMb,
        PeakManagedMb = batched.PeakManagedMb,
        DuckDbMemoryMb = batched.DuckDbMemoryMb,
        PredictionsWritten = batched.PredictionsWritten,
        DeadLettered = batched.DeadLettered,
        Stages = batched.Stages,
        Runtime = batched.Runtime,
        Sequential = sequential,
        Warm = warm,
    };
}
