using BenchmarkDotNet.Attributes;
using StreamProcessor.Sinks.Features;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Perf.Benchmarks;

/// <summary>feature-load read: one batch of keys answered with their feature rows and recent games; and one key per read, as the old worker did.</summary>
[Config(typeof(PerfConfig))]
public class FeatureLoadBenchmark
{
    private BenchmarkData _data = null!;
    private FeatureTable _table = null!;
    private PlayerDate[] _keys = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = BenchmarkData.Load("features");
        _table = new FeatureTable(_data.Warehouse, _data.Options.History);
        _keys = _data.DecodedRequests.Select(r => r.Key).ToArray();
    }

    [GlobalCleanup] public void Cleanup() => _data.Dispose();

    [Benchmark(OperationsPerInvoke = BenchmarkData.Requests)]
    public Task<IReadOnlyDictionary<PlayerDate, FeatureRecord>> OneBatchRead() => _table.LoadAsync(_keys, CancellationToken.None);

    [Benchmark(OperationsPerInvoke = 16)]
    public async Task<int> OneReadPerKey()
    {
        var found = 0;
        for (var i = 0; i < 16; i++) found += (await _table.LoadAsync([_keys[i]], CancellationToken.None)).Count;
        return found;
    }
}
