using System.Text.Json.Nodes;
using StreamProcessor.Tests.EndToEnd;
using StreamProcessor.Tests.Service;

namespace StreamProcessor.Tests.PubSub;

/// <summary>
/// One test's Pub/Sub world on the shared emulator: a requests topic and its subscription, a prediction-ready
/// topic with a subscription that collects the events, and a private copy of the real season's data dir.
/// </summary>
public sealed class PubSubScenario : IDisposable
{
    private readonly TempDirectory _data;

    private PubSubScenario(PubSubEmulator emulator, TempDirectory data, string requestsTopic, string subscription, string eventsTopic, string eventsSubscription)
    {
        Emulator = emulator;
        _data = data;
        RequestsTopic = requestsTopic;
        Subscription = subscription;
        EventsTopic = eventsTopic;
        EventsSubscription = eventsSubscription;
    }

    public PubSubEmulator Emulator { get; }
    public PubSubRest Rest => Emulator.Rest;
    public string DataDir => _data.Path;
    public string Warehouse => Path.Combine(_data.Path, "warehouse.duckdb");
    public string RequestsTopic { get; }
    public string Subscription { get; }
    public string EventsTopic { get; }
    public string EventsSubscription { get; }

    public static async Task<PubSubScenario> CreateAsync(RealSeasonFixture season, int ackDeadlineSeconds, JsonObject? subscriptionSettings = null)
    {
        var emulator = await PubSubEmulator.SharedAsync();
        var project = PubSubEmulator.NewProject();
        var requests = await emulator.Rest.CreateTopicAsync(project, "prediction-requests");
        var subscription = await emulator.Rest.CreateSubscriptionAsync(requests, "prediction-worker", ackDeadlineSeconds, subscriptionSettings);
        var events = await emulator.Rest.CreateTopicAsync(project, "prediction-ready");
        var eventsSubscription = await emulator.Rest.CreateSubscriptionAsync(events, "prediction-ready-audit", 60);
        return new PubSubScenario(emulator, season.CopyDataDir(), requests, subscription, events, eventsSubscription);
    }

    /// <summary>`stream run --source pubsub --subscription S --events-topic T` against the emulator (or <paramref name="emulatorHost"/>, a proxy).</summary>
    public ServiceProcess Start(IReadOnlyDictionary<string, string>? environment = null, string? emulatorHost = null, params string[] extraArguments)
    {
        var env = new Dictionary<string, string>
        {
            ["PUBSUB_EMULATOR_HOST"] = emulatorHost ?? Emulator.Host,
            ["GOOGLE_CLOUD_PROJECT"] = Subscription.Split('/')[1],
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) env[key] = value;
        return ServiceProcess.Start(DataDir, DataDir, env,
            ["--source", "pubsub", "--subscription", Subscription, "--events-topic", EventsTopic, .. extraArguments]);
    }

    public static double Done(PrometheusScrape s) =>
        s.Sum("stream_requests_succeeded_total") + s.Sum("stream_requests_failed_total") + s.Sum("stream_requests_dead_lettered_total");

    public void Dispose() => _data.Dispose();
}
