using StreamProcessor.Perf.Harness;
using StreamProcessor.Sinks.Features;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Configuration;
using StreamProcessor.Stream.Models;
using StreamProcessor.Stream.Pipeline;
using StreamProcessor.Stream.Replay;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Stream.Validation;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Perf.Benchmarks;

/// <summary>
/// Real inputs for the step benchmarks: the first <see cref="Requests"/> (or <c>count</c>) requests of 2025-02-10 .. 12 from the shared season,
/// on a private copy of the harness's prepared warehouse, with everything each step consumes made by the step before.
/// </summary>
public sealed class BenchmarkData : IDisposable
{
    public const int Requests = 256;
    private static readonly DateOnly From = new(2025, 2, 10), To = new(2025, 2, 12);

    private BenchmarkData(string dataDir, Warehouse warehouse, StreamOptions options, IReadOnlyList<IPredictionSystem> systems,
        IReadOnlyList<SourceMessage> messages, IReadOnlyList<PredictionRequest> requests, IReadOnlyDictionary<PlayerDate, FeatureRecord> features)
    {
        DataDir = dataDir;
        Warehouse = warehouse;
        Options = options;
        Systems = systems;
        Messages = messages;
        DecodedRequests = requests;
        Features = features;
    }

    public string DataDir { get; }
    public Warehouse Warehouse { get; }
    public StreamOptions Options { get; }
    public IReadOnlyList<IPredictionSystem> Systems { get; }
    public IReadOnlyList<SourceMessage> Messages { get; }
    public IReadOnlyList<PredictionRequest> DecodedRequests { get; }
    public IReadOnlyDictionary<PlayerDate, FeatureRecord> Features { get; }

    public static BenchmarkData Load(string name, int count = Requests)
    {
        var root = RepositoryRoot.Find();
        var output = Path.Combine(root, "perf", "out");
        var data = new PerfData(root, output, Console.Error);
        data.EnsureBaseAsync().GetAwaiter().GetResult();
        var dataDir = data.Prepare(Scale.Day, "bench-" + name);
        var options = ConfigurationLoader.Load(data.ConfigPath);
        var warehouse = Warehouse.OpenInDirectory(dataDir, options.Warehouse.DuckDbSettings());
        var models = new ModelStore(dataDir).TryLoad().Models ?? throw new InvalidOperationException("no model in the prepared data");
        var messages = ReplayRequests.For(new FeatureTable(warehouse, options.History).ReadRange(From, To)).Messages.Take(count).ToArray();
        var decoder = new RequestDecoder(options.Validation);
        var requests = messages.Select(m => decoder.Decode(m).Request!).ToArray();
        var features = new FeatureTable(warehouse, options.History).LoadAsync(requests.Select(r => r.Key).ToArray(), CancellationToken.None).GetAwaiter().GetResult();
        return new BenchmarkData(dataDir, warehouse, options, SystemCatalog.Create(options.Systems, models), messages, requests, features);
    }

    public IEnumerable<PredictionInput> Inputs(IReadOnlyList<SystemPrediction>? basePredictions = null) =>
        DecodedRequests.Select(r => new PredictionInput
        {
            Request = r,
            Features = Features[r.Key].Features,
            History = Features[r.Key].History,
            BasePredictions = basePredictions ?? [],
        });

    public void Dispose()
    {
        Warehouse.Dispose();
        PerfData.Remove(DataDir);
    }
}
