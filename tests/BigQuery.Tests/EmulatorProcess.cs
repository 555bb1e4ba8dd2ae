using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace StreamProcessor.Google.BigQuery.Tests;

/// <summary>
/// tests/BigQueryStorageEmulator as a real child process on a free loopback port, with the tables of
/// deploy/bigquery; fresh state for each instance. Killed on dispose.
/// </summary>
public sealed partial class EmulatorProcess : IAsyncDisposable
{
    public const string Project = "local-project";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private EmulatorProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Host => $"127.0.0.1:{Port}";

    public string Transcript => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    public BigQueryStorage Connect() => new(new BigQueryStorageOptions { Project = Project, EmulatorHost = Host });

    public static async Task<EmulatorProcess> StartAsync(int port = 0, string? dataFile = null)
    {
        var dll = RepositoryRoot.Combine("tests", "BigQueryStorageEmulator", "bin", RepositoryRoot.Configuration, "net10.0", "BigQueryStorageEmulator.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--project", Project, "--ddl", RepositoryRoot.Combine("deploy", "bigquery") }) start.ArgumentList.Add(arg);
        if (dataFile is not null)
        {
            start.ArgumentList.Add("--data");
            start.ArgumentList.Add(dataFile);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + dll);
        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            if (Listening().Match(e.Data) is { Success: true } m) listening.TrySetResult(int.Parse(m.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(Patience));
        if (first != listening.Task)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"the emulator did not start listening:\n{string.Join('\n', output)}");
        }
        var emulator = new EmulatorProcess(process, await listening.Task);
        foreach (var line in output) emulator._output.Enqueue(line);
        return emulator;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"listening on http://127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();
}
