using System.Diagnostics;
using System.Text.Json;

namespace StreamProcessor.Perf.Harness;

/// <summary>
/// <c>dotnet run -c Release --project perf -- [--quick] [--json] [--jit]</c>: replays every scale twice, batched and one
/// request at a time, each run in a child process (precompiled, see <see cref="MeasuredPrograms"/>) on a fresh copy of
/// the data, pair by pair, cold and (for the real season's scales) warm; writes
/// <c>perf/out/results.json</c>, <c>table.md</c> and <c>scale-curve.png</c>.
/// </summary>
public static class ReplayHarness
{
    private const int SequentialSample = 300, QuickSequentialSample = 40;

    public static async Task<int> RunAsync(bool quick, bool json, bool jit, IReadOnlyCollection<string>? only = null)
    {
        var programs = MeasuredPrograms.Choose(jit, Console.Error);
        var root = RepositoryRoot.Find();
        var output = Path.Combine(root, "perf", "out");
        Directory.CreateDirectory(output);
        var data = new PerfData(root, output, Console.Error);
        await data.EnsureBaseAsync();

        var scales = only is null ? quick ? Scale.Quick : Scale.Full : Scale.Full.Where(s => only.Contains(s.Name)).ToArray();
        var sample = quick ? QuickSequentialSample : SequentialSample;
        var rows = new List<ScaleResult>();
        HarnessReport Report() => new() { Quick = quick, ReadyToRun = programs.ReadyToRun, Scales = rows };
        Console.WriteLine(HarnessReport.TableHeader);
        foreach (var scale in scales)
        {
            var batched = await MeasureAsync(programs, data, scale, Design.Batched, limit: 0);
            var sequential = await MeasureAsync(programs, data, scale, Design.Sequential, limit: sample);
            var warm = scale.Copies > 1 ? null : new WarmResult
            {
                Batched = await MeasureAsync(programs, data, scale, Design.Batched, limit: 0, warm: true),
                Sequential = await MeasureAsync(programs, data, scale, Design.Sequential, limit: sample, warm: true),
            };
            var row = ScaleResult.Of(scale, batched, sequential, warm);
            rows.Add(row);
            Console.WriteLine(HarnessReport.TableRow(row));
            Save(Report(), output); // a long run that dies later keeps what it measured
        }

        var report = Report();
        var text = JsonSerializer.Serialize(report);
        var curve = Save(report, output);
        Console.WriteLine($"ratio over the one-request-at-a-time design (worst scale): {report.SequentialRatio:N0}x cold, {(report.Scales.Any(s => s.Warm is not null) ? $"{report.WarmSequentialRatio:N0}x" : "no scale measured")} warm");
        Console.WriteLine($"wrote {Path.Combine(output, "results.json")}, {Path.Combine(output, "table.md")} and {curve}");
        if (json) Console.WriteLine(text);
        return 0;
    }

    private static string Save(HarnessReport report, string output)
    {
        File.WriteAllText(Path.Combine(output, "results.json"), JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(Path.Combine(output, "table.md"), report.Table());
        var curve = Path.Combine(output, "scale-curve.png");
        ScaleCurve.Save(report.Scales, curve);
        return curve;
    }

    private static async Task<RunResult> MeasureAsync(MeasuredPrograms programs, PerfData data, Scale scale, string design, int limit, bool warm = false)
    {
        var dir = data.Prepare(scale, design);
        try
        {
            var spec = new RunSpec(dir, data.ConfigPath, scale.From, scale.To, design, limit, warm ? data.Base : null);
            return await ChildAsync(programs, spec);
        }
        finally
        {
            PerfData.Remove(dir);
        }
    }

    /// <summary>Runs <see cref="ScaleRun"/> in a child of this same program (its precompiled copy, or this one): its peak RSS is the scale's alone.</summary>
    private static async Task<RunResult> ChildAsync(MeasuredPrograms programs, RunSpec spec)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var self = Environment.ProcessPath!;
        if (programs.ReadyToRun) start.FileName = programs.Executable(typeof(ReplayHarness).Assembly.GetName().Name!);
        else if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.FileName = self;
            start.ArgumentList.Add(typeof(ReplayHarness).Assembly.Location);
        }
        else start.FileName = self;
        start.ArgumentList.Add("--child");
        start.ArgumentList.Add(spec.ToArgument());
        using var child = Process.Start(start) ?? throw new InvalidOperationException("cannot start the harness child");
        var stdout = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (child.ExitCode != 0 || last is null)
            throw new InvalidOperationException($"the {spec.Design} run of {spec.From:yyyy-MM-dd}..{spec.To:yyyy-MM-dd} failed (exit {child.ExitCode})");
        return JsonSerializer.Deserialize<RunResult>(last)!;
    }
}
