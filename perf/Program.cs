using System.Text.Json;
using BenchmarkDotNet.Running;
using StreamProcessor.Perf.Harness;
using StreamProcessor.Perf.Load;

// dotnet run -c Release --project perf -- [--quick] [--json] [--jit]     the replay harness (--jit: the JIT-compiled build, not the ReadyToRun publish)
// dotnet run -c Release --project perf -- bench [BenchmarkDotNet options, e.g. --filter '*Write*']
// dotnet run -c Release --project perf -- load [--target spool|pubsub|bigquery] [--rates 100,1000,5000,max] [--soak-minutes 30] [--jit]
if (args is ["--child", var spec])
{
    var result = await ScaleRun.RunAsync(RunSpec.FromArgument(spec));
    Console.WriteLine(JsonSerializer.Serialize(result));
    return 0;
}
if (args is ["bench", .. var rest])
{
    BenchmarkSwitcher.FromAssembly(typeof(ReplayHarness).Assembly).Run(rest);
    return 0;
}

if (args is ["load", .. var loadArgs]) return await LoadGenerator.RunAsync(LoadOptions.Parse(loadArgs));

// --scales day,season-25x measures only those scales (of the full set), e.g. to rerun one row.
var scalesAt = Array.IndexOf(args, "--scales");
var only = scalesAt >= 0 && scalesAt + 1 < args.Length ? args[scalesAt + 1].Split(',', StringSplitOptions.RemoveEmptyEntries) : null;
var unknown = args.Where((a, i) => a is not ("--quick" or "--json" or "--jit" or "--scales") && !(scalesAt >= 0 && i == scalesAt + 1)).ToArray();
var unknownScales = only?.Except(Scale.Full.Select(s => s.Name)).ToArray() ?? [];
if (unknown.Length > 0 || unknownScales.Length > 0 || (scalesAt >= 0 && only is null))
{
    Console.Error.WriteLine($"perf: unknown argument(s) {string.Join(' ', unknown.Concat(unknownScales))}; usage: [--quick] [--json] [--jit] [--scales {string.Join(',', Scale.Full.Select(s => s.Name))}] | bench [...] | load [...]");
    return 2;
}
return await ReplayHarness.RunAsync(quick: args.Contains("--quick"), json: args.Contains("--json"), jit: args.Contains("--jit"), only);
