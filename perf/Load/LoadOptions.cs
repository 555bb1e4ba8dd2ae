using System.Globalization;

namespace StreamProcessor.Perf.Load;

/// <summary>
/// <c>perf -- load [--rates 100,1000,5000,max] [--step-seconds 20] [--soak-minutes 30] [--soak-rate 1000] [--target spool|pubsub|bigquery] [--json] [--jit]</c>.
/// </summary>
public sealed record LoadOptions
{
    /// <summary>Offered rates in requests per second; <see cref="FlatOut"/> drops a whole step's requests at once.</summary>
    public IReadOnlyList<int> Rates { get; init; } = [100, 1000, 5000, FlatOut];

    public const int FlatOut = 0;

    public int StepSeconds { get; init; } = 20;

    /// <summary>Requests dropped in at once for the flat-out step.</summary>
    public int FlatOutRequests { get; init; } = 50_000;

    public double SoakMinutes { get; init; } = 30;
    public int SoakRate { get; init; } = 1000;

    /// <summary>Where requests go: <c>spool</c> (embedded mode's) or <c>pubsub</c> (a topic of Google's Pub/Sub emulator, read by <c>--source pubsub</c>).</summary>
    public string Target { get; init; } = "spool";

    public bool Json { get; init; }

    /// <summary>Runs the JIT-compiled <c>stream</c> of this build instead of its ReadyToRun publish (<see cref="Harness.MeasuredPrograms"/>).</summary>
    public bool Jit { get; init; }

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--rates" => options with { Rates = Next().Split(',').Select(r => r == "max" ? FlatOut : int.Parse(r, CultureInfo.InvariantCulture)).ToArray() },
                "--step-seconds" => options with { StepSeconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--flat-out-requests" => options with { FlatOutRequests = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--soak-minutes" => options with { SoakMinutes = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--soak-rate" => options with { SoakRate = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--target" => options with { Target = Next() },
                "--json" => options with { Json = true },
                "--jit" => options with { Jit = true },
                var other => throw new ArgumentException($"load does not take {other}"),
            };
        }
        if (options.Rates.Any(r => r < 0)) throw new ArgumentException("a rate must be positive (or max)");
        return options;
    }
}
