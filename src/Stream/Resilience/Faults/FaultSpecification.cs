using System.Globalization;
using StreamProcessor.Stream.Cli;

namespace StreamProcessor.Stream.Resilience.Faults;

/// <summary>
/// Parses <c>--inject</c>: comma-separated faults, e.g.
/// <c>xgboost_v1.throw=1,similarity_balanced_v1.delay_ms=20,sink.transient=2,sink.permanent</c>; reads:
/// <c>features.transient=K</c> (the first K feature reads fail), <c>features.permanent</c>, and the same for
/// <c>execution_log</c> (the smart-skip lookup) and <c>breakers</c> (the breaker-state table).
/// </summary>
public static class FaultSpecification
{
    public static FaultOptions Apply(FaultOptions options, string specification)
    {
        var systems = new Dictionary<string, SystemFaultOptions>(options.Systems, StringComparer.OrdinalIgnoreCase);
        var sink = options.Sink;
        var reads = new Dictionary<string, ReadFaultOptions>
        {
            ["features"] = options.Features,
            ["execution_log"] = options.ExecutionLog,
            ["breakers"] = options.Breakers,
        };
        foreach (var part in specification.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (target, setting) = part.IndexOf('.') is var dot and > 0 ? (part[..dot], part[(dot + 1)..]) : throw Bad(part);
            var (name, value) = setting.IndexOf('=') is var eq and > 0 ? (setting[..eq], setting[(eq + 1)..]) : (setting, "1");
            if (target == "sink")
            {
                sink = name switch
                {
                    "transient" => sink with { TransientFailuresPerBatch = Int(part, value) },
                    "permanent" => sink with { Permanent = value != "0" && value != "false" },
                    _ => throw Bad(part),
                };
                continue;
            }
            if (reads.TryGetValue(target, out var read))
            {
                reads[target] = name switch
                {
                    "transient" => read with { TransientFailures = Int(part, value) },
                    "permanent" => read with { Permanent = value != "0" && value != "false" },
                    _ => throw Bad(part),
                };
                continue;
            }
            var current = systems.GetValueOrDefault(target) ?? new SystemFaultOptions();
            systems[target] = name switch
            {
                "throw" => current with { ThrowProbability = Probability(part, value) },
                "delay_ms" or "delay" => current with { DelayMs = Int(part, value) },
                _ => throw Bad(part),
            };
        }
        return options with { Systems = systems, Sink = sink, Features = reads["features"], ExecutionLog = reads["execution_log"], Breakers = reads["breakers"] };
    }

    private static int Int(string part, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw Bad(part);

    private static double Probability(string part, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 1 ? p : throw Bad(part);

    private static UsageException Bad(string part) => new(
        $"--inject: cannot read \"{part}\"; use SYSTEM_ID.throw=P, SYSTEM_ID.delay_ms=N, sink.transient=K, sink.permanent, or features|execution_log|breakers.transient=K / .permanent, comma-separated");
}
