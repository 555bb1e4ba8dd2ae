using System.Text.Json.Serialization;

namespace StreamProcessor.Perf.Harness;

/// <summary>
/// A scale measured again in processes that first replayed another day on a throwaway copy of the data: what the same
/// work costs once the process's one-time costs (JIT, first statements, model engines) are paid, as in a long-running
/// service. Reported beside the cold figures, never instead of them.
/// </summary>
public sealed record WarmResult
{
    [JsonPropertyName("batched")] public required RunResult Batched { get; init; }
    [JsonPropertyName("sequential")] public required RunResult Sequential { get; init; }

    [JsonPropertyName("sequential_ratio")] public double SequentialRatio => Sequential.RequestsPerSecond > 0 ? Math.Round(Batched.RequestsPerSecond / Sequential.RequestsPerSecond, 1) : 0;
}
