using System.Diagnostics;
using System.Text.RegularExpressions;
using StreamProcessor.Google.BigQuery;
using StreamProcessor.Perf.Harness;

namespace StreamProcessor.Perf.Load;

/// <summary>
/// The production shape on this machine: the requests go through Google's Pub/Sub emulator (<see cref="PubSubTarget"/>)
/// and <c>stream run --source pubsub</c> writes to the local BigQuery Storage server (<c>tests/BigQueryStorageEmulator</c>,
/// a child process with the tables of <c>deploy/bigquery</c>) through the Storage Write API, reading features, smart
/// skip's log and breaker state back through the Read API. The season's box scores and features are loaded into it
/// first with <c>stream data load</c> and <c>stream features build --warehouse bigquery</c>, as a user would. Its figures
/// are the service's with an in-process stand-in for BigQuery on the same two cores, not BigQuery's own.
/// </summary>
public sealed partial class BigQueryTarget : IRequestTarget
{
    private const string Project = PubSubTarget.Project;

    private readonly PubSubTarget _pubSub;
    private readonly Process _server;

    private BigQueryTarget(PubSubTarget pubSub, Process server, string host)
    {
        _pubSub = pubSub;
        _server = server;
        Host = host;
    }

    public string Name => "bigquery";

    /// <summary>host:port of the local BigQuery Storage server.</summary>
    public string Host { get; }

    public IReadOnlyList<string> ServiceArguments => _pubSub.ServiceArguments;

    public IReadOnlyDictionary<string, string> ServiceEnvironment => new Dictionary<string, string>(_pubSub.ServiceEnvironment)
    {
        ["STREAM_WAREHOUSE__KIND"] = "bigquery",
        [BigQueryStorageOptions.EmulatorHostVariable] = Host,
        ["STREAM_BIGQUERY__PROJECT"] = Project,
    };

    /// <summary>Starts both emulators and loads <paramref name="boxScores"/> and its features into the BigQuery one.</summary>
    public static async Task<BigQueryTarget> StartAsync(string repositoryRoot, MeasuredPrograms programs, string dataDir, string configPath, string boxScores)
    {
        var pubSub = await PubSubTarget.StartAsync();
        Process? server = null;
        try
        {
            var (process, port) = await StartServerAsync(repositoryRoot);
            server = process;
            var target = new BigQueryTarget(pubSub, server, $"127.0.0.1:{port}");
            await target.StreamAsync(programs, "data", "load", "--box-scores", boxScores, "--data-dir", dataDir, "--config", configPath, "--warehouse", "bigquery");
            await target.StreamAsync(programs, "features", "build", "--data-dir", dataDir, "--config", configPath, "--warehouse", "bigquery");
            return target;
        }
        catch
        {
            ChildProcesses.Stop(server);
            pubSub.Dispose();
            throw;
        }
    }

    public void Send(IReadOnlyList<byte[]> payloads) => _pubSub.Send(payloads);

    public void SendAll(IReadOnlyList<byte[]> payloads) => _pubSub.SendAll(payloads);

    private static async Task<(Process Process, int Port)> StartServerAsync(string repositoryRoot)
    {
        var bin = Path.Combine(repositoryRoot, "tests", "BigQueryStorageEmulator", "bin", "Release");
        var dll = (Directory.Exists(bin) ? Directory.EnumerateFiles(bin, "BigQueryStorageEmulator.dll", SearchOption.AllDirectories).FirstOrDefault() : null)
                  ?? throw new InvalidOperationException($"no BigQueryStorageEmulator.dll under {bin}: a Release build of perf builds it");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--port", "0", "--project", Project, "--ddl", Path.Combine(repositoryRoot, "deploy", "bigquery") }) start.ArgumentList.Add(arg);
        var server = Process.Start(start) ?? throw new InvalidOperationException("could not start " + dll);
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && Listening().Match(e.Data) is { Success: true } m) listening.TrySetResult(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        };
        server.ErrorDataReceived += (_, _) => { };
        server.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"the local BigQuery server exited ({server.ExitCode}) before it listened"));
        server.EnableRaisingEvents = true;
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            return (server, await listening.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        catch
        {
            ChildProcesses.Stop(server);
            throw;
        }
    }

    /// <summary>The stream binary against this target, failing with its output unless it exits 0.</summary>
    private async Task StreamAsync(MeasuredPrograms programs, params string[] args)
    {
        var start = new ProcessStartInfo(programs.Executable("stream")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in ServiceEnvironment) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start stream");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"stream {string.Join(' ', args)} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        Console.Error.WriteLine($"perf load: stream {args[0]} {args[1]} --warehouse bigquery: done");
    }

    public void Dispose()
    {
        _pubSub.Dispose();
        ChildProcesses.Stop(_server);
    }

    [GeneratedRegex(@"listening on http://127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();
}
