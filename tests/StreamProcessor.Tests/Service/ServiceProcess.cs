using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace StreamProcessor.Tests.Service;

/// <summary>
/// `stream run` as a real child process (`dotnet stream.dll run`), listening on 127.0.0.1 and a free port, with
/// its JSON log lines collected from stdout. Killed on dispose if it is still running.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private string? _baseUrl;

    private ServiceProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _stdout.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _stderr.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public IReadOnlyList<string> LogLines => _stdout.ToArray();

    public string Transcript => $"stdout:\n{string.Join('\n', _stdout)}\nstderr:\n{string.Join('\n', _stderr)}";

    /// <summary>Starts the service on <paramref name="dataDir"/>; <paramref name="environment"/> adds STREAM_* overrides, <paramref name="arguments"/> options of `stream run`.</summary>
    public static ServiceProcess Start(string dataDir, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var stream = Path.Combine(AppContext.BaseDirectory, "stream.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { stream, "run", "--data-dir", dataDir, "--port", "0" }.Concat(arguments)) start.ArgumentList.Add(arg);
        start.Environment.Remove("PORT");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("STREAM_", StringComparison.Ordinal)).ToArray()) start.Environment.Remove(key);
        start.Environment["STREAM_SERVICE__ADDRESS"] = "127.0.0.1";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return new ServiceProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start " + stream));
    }

    /// <summary>The log entries (JSON objects) written so far.</summary>
    public IReadOnlyList<JsonElement> Logs() => _stdout
        .Where(l => l.StartsWith('{'))
        .Select(l => JsonDocument.Parse(l).RootElement)
        .ToArray();

    public async Task<string> BaseUrlAsync() =>
        _baseUrl ??= await EventuallyAsync(() => Task.FromResult(Logs()
            .Where(l => l.TryGetProperty("url", out _)).Select(l => l.GetProperty("url").GetString()).FirstOrDefault()), "the 'listening on' log line");

    public async Task<HttpResponseMessage> GetAsync(string path) => await _http.GetAsync(await BaseUrlAsync() + path);

    public async Task<PrometheusScrape> ScrapeAsync()
    {
        using var response = await GetAsync("/metrics");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());
    }

    public Task WaitUntilReadyAsync() => EventuallyAsync(async () =>
    {
        using var response = await GetAsync("/readyz");
        return response.IsSuccessStatusCode ? "ready" : null;
    }, "/readyz to answer 200");

    /// <summary>Scrapes until <paramref name="condition"/> holds, returning that scrape.</summary>
    public Task<PrometheusScrape> ScrapeUntilAsync(Func<PrometheusScrape, bool> condition, string what, TimeSpan? patience = null) =>
        EventuallyAsync(async () =>
        {
            var scrape = await ScrapeAsync();
            return condition(scrape) ? scrape : null;
        }, what, patience);

    public void SendSigterm()
    {
        if (Kill(_process.Id, Sigterm) != 0) throw new InvalidOperationException($"kill -TERM {_process.Id} failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>kill -9: no drain, no goodbye.</summary>
    public async Task KillHardAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"stream run did not exit within {Patience.TotalSeconds} s\n{Transcript}");
        }
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>Polls <paramref name="probe"/> until it yields a value, failing with the transcript after <paramref name="patience"/> (<see cref="Patience"/>).</summary>
    public async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? patience = null) where T : class
    {
        var limit = patience ?? Patience;
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited) Assert.Fail($"stream run exited ({_process.ExitCode}) while waiting for {what}\n{Transcript}");
            try
            {
                if (await probe() is { } value) return value;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (deadline.Elapsed > limit) Assert.Fail($"gave up after {limit.TotalSeconds} s waiting for {what}\n{Transcript}");
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
