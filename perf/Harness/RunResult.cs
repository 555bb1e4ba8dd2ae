using System.Text.Json.Serialization;

namespace StreamProcessor.Perf.Harness;

/// <summary>What a child measured: pipeline time only (requests are made before the clock starts), and its own peak RSS.</summary>
public sealed record RunResult
{
    [JsonPropertyName("design")] public required string Design { get; init; }
    [JsonPropertyName("requests")] public required long Requests { get; init; }

    /// <summary>Measured after a warm-up replay in the same process (on a throwaway copy of the data), which took <see cref="WarmupMs"/>.</summary>
    [JsonPropertyName("warm")] public bool Warm { get; init; }
    [JsonPropertyName("warmup_ms")] public double? WarmupMs { get; init; }
    [JsonPropertyName("predictions_written")] public required long PredictionsWritten { get; init; }
    [JsonPropertyName("acknowledged")] public required long Acknowledged { get; init; }
    [JsonPropertyName("dead_lettered")] public required long DeadLettered { get; init; }
    [JsonPropertyName("elapsed_ms")] public required double ElapsedMs { get; init; }
    [JsonPropertyName("requests_per_second")] public required double RequestsPerSecond { get; init; }
    [JsonPropertyName("p50_ms")] public required double P50Ms { get; init; }
    [JsonPropertyName("p99_ms")] public required double P99Ms { get; init; }
    [JsonPropertyName("peak_rss_mb")] public required double PeakRssMb { get; init; }

    /// <summary>The most the GC had committed during the run (<see cref="PeakManagedHeap"/>): the rest of the RSS is native, DuckDB's above all.</summary>
    [JsonPropertyName("peak_managed_mb")] public double PeakManagedMb { get; init; }

    /// <summary>What DuckDB accounted for at the end of the run, MB by tag (cached table blocks, ART indexes, temporary tables).</summary>
    [JsonPropertyName("duckdb_memory_mb")] public IReadOnlyDictionary<string, double> DuckDbMemoryMb { get; init; } = new Dictionary<string, double>();

    /// <summary>Where the time went: seconds in each warehouse step, summed over its batches.</summary>
    [JsonPropertyName("stages")] public IReadOnlyDictionary<string, double> Stages { get; init; } = new Dictionary<string, double>();

    /// <summary>What the runtime spent during the pipeline run: allocation, collections and their pauses, the JIT.</summary>
    [JsonPropertyName("runtime")] public RuntimeCosts Runtime { get; init; } = new();
}
