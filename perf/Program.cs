using System.Text.Json;
using BenchmarkDotNet.Running;
using StreamProcessor.Perf.Harness;
using StreamProcessor.Perf.Load;

// dotnet run -c Release --project perf -- [--quick] [--json]     the replay harness
// dotnet run -c Release --project perf -- bench [BenchmarkDotNet options, e.g. --filter '*Write*']
// dotnet run -c Release --project perf -- load [--rates 100,1000,5000,max] [--soak-minutes 30]
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

var unknown = args.Where(a => a is not ("--quick" or "--json")).ToArray();
if (unknown.Length > 0)
{
    Console.Error.WriteLine($"perf: unknown argument(s) {string.Join(' ', unknown)}; usage: [--quick] [--json] | bench [...] | load [...]");
    return 2;
}
return await ReplayHarness.RunAsync(quick: args.Contains("--quick"), json: args.Contains("--json"));
