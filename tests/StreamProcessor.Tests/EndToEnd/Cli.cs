using System.Text.Json;
using StreamProcessor.Stream.Cli;

namespace StreamProcessor.Tests.EndToEnd;

/// <summary>Runs the real command line in-process, as `dotnet run --project src/Stream -- ...` would.</summary>
public static class Cli
{
    public sealed record Run(int ExitCode, string Output, string Error)
    {
        /// <summary>The JSON object on the last line of stdout (the --json contract).</summary>
        public JsonElement Json => JsonDocument.Parse(Output.TrimEnd().Split('\n')[^1]).RootElement;
    }

    public static async Task<Run> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return new Run(code, output.ToString(), error.ToString());
    }

    public static async Task<Run> RunOkAsync(params string[] args)
    {
        var run = await RunAsync(args);
        Assert.True(run.ExitCode == 0, $"stream {string.Join(' ', args)} exited {run.ExitCode}\nstdout:\n{run.Output}\nstderr:\n{run.Error}");
        return run;
    }
}
