using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using StreamProcessor.Google.BigQuery;
using StreamProcessor.Tests.EndToEnd;
using StreamProcessor.Tests.Service;

namespace StreamProcessor.Tests.Warehouse.BigQuery;

/// <summary>
/// tests/BigQueryStorageEmulator as a real child process on a free port with the tables of deploy/bigquery, and the
/// stream binary run against it as users run it: BIGQUERY_STORAGE_EMULATOR_HOST and GOOGLE_CLOUD_PROJECT set.
/// </summary>
public sealed partial class LocalBigQuery : IAsyncDisposable
{
    public const string Project = "local-project";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private LocalBigQuery(Process process) => _process = process;

    public string Host { get; private set; } = "";

    public BigQueryStorage Connect() => new(new BigQueryStorageOptions { Project = Project, EmulatorHost = Host });

    public static async Task<LocalBigQuery> StartAsync()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var dll = RepositoryFiles.Path($"tests/BigQueryStorageEmulator/bin/{configuration}/net10.0/BigQueryStorageEmulator.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--port", "0", "--project", Project, "--ddl", RepositoryFiles.Path("deploy/bigquery") }) start.ArgumentList.Add(arg);
        var server = new LocalBigQuery(Process.Start(start) ?? throw new InvalidOperationException("could not start " + dll));
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        server._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            server._output.Enqueue(e.Data);
            if (Listening().Match(e.Data) is { Success: true } m) listening.TrySetResult(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        };
        server._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) server._output.Enqueue(e.Data); };
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var port = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        server.Host = $"127.0.0.1:{port}";
        return server;
    }

    /// <summary>
    /// As <see cref="SpoolRequests.ForDays"/>, from this server's feature store (read through the Read API): where
    /// `features build --warehouse bigquery` puts the rows.
    /// </summary>
    public async Task<IReadOnlyList<SpoolRequests.Request>> RequestsAsync(DateOnly day, int limit)
    {
        using var storage = Connect();
        var rows = await storage.Reader.ReadRowsAsync(new Google.BigQuery.Read.ReadRequest(storage.Table("nba_predictions", "ml_feature_store_v2"),
            ["player_lookup", "game_id", "pts_ewma"], $"game_date = '{day:yyyy-MM-dd}'"));
        return rows
            .OrderBy(r => (string)r["player_lookup"]!, StringComparer.Ordinal)
            .Take(limit)
            .Select(r => new SpoolRequests.Request((string)r["player_lookup"]!, day, (string)r["game_id"]!,
                Math.Max(0.5, Math.Round(r["pts_ewma"] as double? ?? 10, MidpointRounding.AwayFromZero)) + 0.5))
            .ToArray();
    }

    /// <summary>The stream binary with <paramref name="args"/> against this server; asserts it exits 0.</summary>
    public async Task<EndToEnd.Cli.Run> StreamAsync(params string[] args)
    {
        var result = await RunStreamAsync(args);
        Assert.True(result.ExitCode == 0, $"stream {string.Join(' ', args)} exited {result.ExitCode}\nstdout:\n{result.Output}\nstderr:\n{result.Error}\nserver:\n{string.Join('\n', _output.TakeLast(30))}");
        return result;
    }

    /// <summary>The stream binary with <paramref name="args"/> against this server, whatever its exit code.</summary>
    public async Task<EndToEnd.Cli.Run> RunStreamAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "stream.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("STREAM_", StringComparison.Ordinal)).ToArray()) start.Environment.Remove(key);
        start.Environment[BigQueryStorageOptions.EmulatorHostVariable] = Host;
        start.Environment[BigQueryStorageOptions.ProjectVariable] = Project;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
        return new EndToEnd.Cli.Run(process.ExitCode, await stdout, await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"listening on http://127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();
}
