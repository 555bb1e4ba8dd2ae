using System.Diagnostics;
using System.Text.Json;

namespace StreamProcessor.Google.BigQuery.Tests;

/// <summary>
/// Google's official Node.js client (@google-cloud/bigquery-storage, the pinned package in
/// src/Google/BigQuery/protos) driving the emulator through Interop/google-client.js, as a child process.
/// </summary>
internal static class NodeClient
{
    public static Task<JsonElement> WriteAsync(EmulatorProcess emulator, string dataset, string table, string rowsJson) =>
        RunAsync(emulator, "write", dataset, table, rowsJson);

    public static Task<JsonElement> ReadAsync(EmulatorProcess emulator, string dataset, string table, string? fields = null, string? restriction = null) =>
        RunAsync(emulator, "read", dataset, table, fields ?? "", restriction ?? "");

    private static async Task<JsonElement> RunAsync(EmulatorProcess emulator, params string[] args)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Interop", "google-client.js"));
        start.ArgumentList.Add(args[0]);
        start.ArgumentList.Add("127.0.0.1");
        start.ArgumentList.Add(emulator.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(EmulatorProcess.Project);
        foreach (var arg in args[1..]) start.ArgumentList.Add(arg);
        start.Environment["NODE_PATH"] = RepositoryRoot.Combine("src", "Google", "BigQuery", "protos", "node_modules");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"node {args[0]} exited {process.ExitCode}\nstdout:\n{output}\nstderr:\n{await stderr}\nemulator:\n{emulator.Transcript}");
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        return JsonDocument.Parse(last).RootElement.Clone();
    }
}
