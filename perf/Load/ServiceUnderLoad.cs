using System.Diagnostics;
using System.Runtime.InteropServices;
using StreamProcessor.Perf.Harness;

namespace StreamProcessor.Perf.Load;

/// <summary>The real <c>stream run</c> binary as a child process: its /metrics, its resident set, and a SIGTERM to end it.</summary>
public sealed class ServiceUnderLoad : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private ServiceUnderLoad(Process process, int port)
    {
        _process = process;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public static ServiceUnderLoad Start(MeasuredPrograms programs, string dataDir, string configPath, IRequestTarget target, string logFile)
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" >\"$LOAD_LOG\" 2>&1");
        start.ArgumentList.Add(programs.Executable("stream"));
        // No --force (run refuses it): the generator moves every line on each pass over the season instead (LoadGenerator.Offer).
        foreach (var arg in new[] { "run", "--data-dir", dataDir, "--config", configPath, "--port", port.ToString() }) start.ArgumentList.Add(arg);
        foreach (var arg in target.ServiceArguments) start.ArgumentList.Add(arg);
        foreach (var (name, value) in target.ServiceEnvironment) start.Environment[name] = value;
        start.Environment["LOAD_LOG"] = logFile;
        start.Environment["STREAM_SERVICE__ADDRESS"] = "127.0.0.1";
        return new ServiceUnderLoad(Process.Start(start) ?? throw new InvalidOperationException("cannot start stream run"), port);
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"stream run exited ({_process.ExitCode}) before it was ready");
            try
            {
                using var response = await _http.GetAsync(BaseUrl + "/readyz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"stream run was not ready within {timeout.TotalSeconds:F0} s");
    }

    public async Task<MetricsSnapshot> ScrapeAsync() => MetricsSnapshot.Parse(await _http.GetStringAsync(BaseUrl + "/metrics"));

    /// <summary>The child's resident set now.</summary>
    public ResidentSet Resident() => ResidentSet.Of(_process.Id);

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, 15);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await _process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { _process.Kill(); }
        }
        _process.Dispose();
        _http.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
