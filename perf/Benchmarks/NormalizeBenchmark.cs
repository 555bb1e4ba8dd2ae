using BenchmarkDotNet.Attributes;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Perf.Benchmarks;

/// <summary>normalize: every system's prediction of a request into its output rows (one per line), confidence 0-100, recommendation.</summary>
[Config(typeof(PerfConfig))]
public class NormalizeBenchmark
{
    private BenchmarkData _data = null!;
    private (PredictionRequest Request, string FeatureVersion, SystemPrediction[] Predictions)[] _outcomes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = BenchmarkData.Load("normalize");
        _outcomes = _data.Inputs().Select(input => (input.Request, input.Features.FeatureVersion,
            _data.Systems.Where(s => !s.CombinesOtherSystems).Select(s => s.Predict(input)).OfType<SystemPrediction>().ToArray())).ToArray();
    }

    [GlobalCleanup] public void Cleanup() => _data.Dispose();

    [Benchmark(OperationsPerInvoke = BenchmarkData.Requests)]
    public int Normalize()
    {
        var rows = 0;
        var now = DateTimeOffset.UtcNow;
        foreach (var (request, version, predictions) in _outcomes)
            foreach (var prediction in predictions)
                foreach (var _ in PredictionNormalizer.ToRows(request, prediction, version, _data.Options.Recommendation, now)) rows++;
        return rows;
    }
}
