using System.Diagnostics;
using System.Text.Json.Nodes;

namespace StreamProcessor.Perf.Load;

/// <summary>
/// Google's Pub/Sub emulator (the Google Cloud CLI's pubsub-emulator component) as a child process on a free port: the
/// requests are published to a topic through the emulator's REST API, and <c>stream run --source pubsub</c> reads them
/// from its subscription with its own streaming pull, as in a deployment. The emulator (a JVM) and the publishing run on
/// the same cores as the service, so its figures are the service's and the emulator's together.
/// </summary>
public sealed class PubSubTarget : IRequestTarget
{
    internal const string Project = "perf-load";
    private const int PublishCallSize = 1000; // messages per publish call (Pub/Sub's limit)

    private readonly Process _emulator;
    private readonly HttpClient _http;
    private readonly string _topic;

    private PubSubTarget(Process emulator, string host, string topic, string subscription)
    {
        _emulator = emulator;
        _http = new HttpClient { BaseAddress = new Uri($"http://{host}"), Timeout = TimeSpan.FromSeconds(60) };
        _topic = topic;
        Host = host;
        Subscription = subscription;
    }

    public string Name => "pubsub";

    /// <summary>host:port, what PUBSUB_EMULATOR_HOST is set to for the service.</summary>
    public string Host { get; }

    public string Subscription { get; }

    public IReadOnlyList<string> ServiceArguments => ["--source", "pubsub", "--subscription", Subscription];

    public IReadOnlyDictionary<string, string> ServiceEnvironment => new Dictionary<string, string>
    {
        ["PUBSUB_EMULATOR_HOST"] = Host,
        ["GOOGLE_CLOUD_PROJECT"] = Project,
    };

    public static async Task<PubSubTarget> StartAsync()
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-jar", EmulatorJar(), "--host=127.0.0.1", $"--port={port}" }) start.ArgumentList.Add(arg);
        var emulator = Process.Start(start) ?? throw new InvalidOperationException("could not start the Pub/Sub emulator");
        emulator.OutputDataReceived += (_, _) => { };
        emulator.ErrorDataReceived += (_, _) => { };
        emulator.BeginOutputReadLine();
        emulator.BeginErrorReadLine();
        var target = new PubSubTarget(emulator, $"127.0.0.1:{port}", $"projects/{Project}/topics/requests", $"projects/{Project}/subscriptions/requests");
        try
        {
            await target.WaitUntilUpAsync(TimeSpan.FromSeconds(60));
            await target.PutAsync($"/v1/{target._topic}", new JsonObject());
            await target.PutAsync($"/v1/{target.Subscription}", new JsonObject { ["topic"] = target._topic, ["ackDeadlineSeconds"] = 60 });
            return target;
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    public void Send(IReadOnlyList<byte[]> payloads) => Publish(payloads);

    public void SendAll(IReadOnlyList<byte[]> payloads) => Publish(payloads);

    private void Publish(IReadOnlyList<byte[]> payloads)
    {
        foreach (var call in payloads.Chunk(PublishCallSize))
        {
            var messages = new JsonArray();
            foreach (var payload in call) messages.Add(new JsonObject { ["data"] = Convert.ToBase64String(payload) });
            using var response = _http.PostAsync($"/v1/{_topic}:publish", Json(new JsonObject { ["messages"] = messages })).GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"publish to {_topic} failed: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        }
    }

    private async Task WaitUntilUpAsync(TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (_emulator.HasExited) throw new InvalidOperationException($"the Pub/Sub emulator exited ({_emulator.ExitCode})");
            try
            {
                using var response = await _http.GetAsync($"/v1/projects/{Project}/topics");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the Pub/Sub emulator did not answer within {timeout.TotalSeconds:F0} s");
    }

    private async Task PutAsync(string path, JsonObject body)
    {
        using var response = await _http.PutAsync(path, Json(body));
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    /// <summary>The jar `gcloud beta emulators pubsub start` runs, under the SDK root `gcloud info` names.</summary>
    private static string EmulatorJar()
    {
        var info = new ProcessStartInfo("gcloud") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("info");
        info.ArgumentList.Add("--format=value(installation.sdk_root)");
        using var gcloud = Process.Start(info) ?? throw new InvalidOperationException("gcloud is not on the PATH");
        var root = gcloud.StandardOutput.ReadToEnd().Trim();
        gcloud.WaitForExit();
        var lib = Path.Combine(root, "platform", "pubsub-emulator", "lib");
        return (Directory.Exists(lib) ? Directory.EnumerateFiles(lib, "cloud-pubsub-emulator-*-all.jar").OrderDescending().FirstOrDefault() : null)
               ?? throw new InvalidOperationException($"no Pub/Sub emulator under {lib}: install the Google Cloud CLI's pubsub-emulator component");
    }

    public void Dispose()
    {
        _http.Dispose();
        ChildProcesses.Stop(_emulator);
    }
}
