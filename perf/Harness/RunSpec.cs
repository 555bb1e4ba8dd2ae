using System.Text.Json;

namespace StreamProcessor.Perf.Harness;

/// <summary>
/// What one child process measures: a design over one scale's prepared data dir, optionally only its first requests.
/// With <see cref="WarmupBase"/> the child first replays <see cref="ScaleRun.WarmupDay"/> on a throwaway copy of that
/// base data dir (the process's one-time costs: JIT, first queries, model engines), then measures the scale untouched.
/// </summary>
public sealed record RunSpec(string DataDir, string ConfigPath, DateOnly From, DateOnly To, string Design, int Limit, string? WarmupBase = null)
{
    public string ToArgument() => JsonSerializer.Serialize(this);

    public static RunSpec FromArgument(string json) =>
        JsonSerializer.Deserialize<RunSpec>(json) ?? throw new ArgumentException("empty run spec");
}
