using System.Text.Json;

namespace StreamProcessor.Perf.Harness;

/// <summary>What one child process measures: a design over one scale's prepared data dir, optionally only its first requests.</summary>
public sealed record RunSpec(string DataDir, string ConfigPath, DateOnly From, DateOnly To, string Design, int Limit)
{
    public string ToArgument() => JsonSerializer.Serialize(this);

    public static RunSpec FromArgument(string json) =>
        JsonSerializer.Deserialize<RunSpec>(json) ?? throw new ArgumentException("empty run spec");
}
