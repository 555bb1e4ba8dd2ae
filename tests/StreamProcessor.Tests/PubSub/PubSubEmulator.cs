using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StreamProcessor.Tests.PubSub;

/// <summary>
/// Google's Pub/Sub emulator (the Google Cloud CLI's pubsub-emulator component) as a child process on a free
/// port, started once for the test run on first use and stopped when the test process exits. Every test uses
/// its own project, so topics and subscriptions never collide, and the message ids are unique across the run.
/// </summary>
public sealed class PubSubEmulator
{
    private static readonly Lazy<Task<PubSubEmulator>> Instance = new(StartAsync);
    private static int _projects;
    private readonly Process _process;

    private PubSubEmulator(Process process, int port)
    {
        _process = process;
        Host = $"127.0.0.1:{port}";
        Rest = new PubSubRest("http://" + Host);
    }

    /// <summary>host:port, what PUBSUB_EMULATOR_HOST is set to.</summary>
    public string Host { get; }

    public PubSubRest Rest { get; }

    public static Task<PubSubEmulator> SharedAsync() => Instance.Value;

    /// <summary>
    /// How long to wait for messages after a streaming pull's connection was cut or its process killed. The emulator
    /// does not notice such a connection go (its log shows the reset reaching "the tail of the pipeline" unhandled, and
    /// a graceful FIN fares no better): the dead stream stays registered and keeps being given messages, each of which
    /// comes back only when its ack deadline passes, with its delivery attempt counted up. Measured over 12 cut runs:
    /// 0 to 5 such wasted deliveries before a message reached the live stream (mean 1.9, about two in three go to the
    /// dead stream). Real Pub/Sub closes the stream with its connection. This allows 20 of them beside the usual patience (a loaded machine sees more of them).
    /// </summary>
    public static TimeSpan PatienceAfterBrokenConnection(int ackDeadlineSeconds) => Service.ServiceProcess.Patience + TimeSpan.FromSeconds(20 * ackDeadlineSeconds);

    /// <summary>A project no other test uses.</summary>
    public static string NewProject() => $"test-{Environment.ProcessId}-{Interlocked.Increment(ref _projects)}";

    private static async Task<PubSubEmulator> StartAsync()
    {
        var jar = FindJar();
        var port = FreePort();
        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-jar", jar, "--host=127.0.0.1", $"--port={port}" }) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start java -jar " + jar);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { if (!process.HasExited) process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        };
        var emulator = new PubSubEmulator(process, port);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"the Pub/Sub emulator exited ({process.ExitCode}):\n{string.Join('\n', output)}");
            if (await emulator.Rest.IsUpAsync()) return emulator;
            if (waited.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"the Pub/Sub emulator did not answer within 60 s:\n{string.Join('\n', output)}");
            await Task.Delay(100);
        }
    }

    /// <summary>The jar `gcloud beta emulators pubsub start` runs, under the SDK root `gcloud info` names.</summary>
    private static string FindJar()
    {
        var roots = new List<string>();
        try
        {
            var info = new ProcessStartInfo("gcloud") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "info", "--format=value(installation.sdk_root)" }) info.ArgumentList.Add(arg);
            using var gcloud = Process.Start(info)!;
            var root = gcloud.StandardOutput.ReadToEnd().Trim();
            gcloud.WaitForExit();
            if (root.Length > 0) roots.Add(root);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no gcloud on PATH: try the usual install places
        }
        roots.AddRange(["/usr/lib/google-cloud-sdk", "/usr/share/google-cloud-sdk", "/opt/google-cloud-sdk"]);
        foreach (var root in roots)
        {
            var lib = Path.Combine(root, "platform", "pubsub-emulator", "lib");
            if (!Directory.Exists(lib)) continue;
            var jar = Directory.EnumerateFiles(lib, "cloud-pubsub-emulator-*-all.jar").OrderDescending().FirstOrDefault();
            if (jar is not null) return jar;
        }
        throw new InvalidOperationException($"no Pub/Sub emulator jar under {string.Join(", ", roots)}: install the Google Cloud CLI's pubsub-emulator component");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
