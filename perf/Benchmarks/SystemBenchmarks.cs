using BenchmarkDotNet.Attributes;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Systems;

namespace StreamProcessor.Perf.Benchmarks;

/// <summary>Each prediction system (as the pipeline runs them: calibrated, with the trained models) over a day's inputs; the ensemble over the base systems' predictions.</summary>
[Config(typeof(PerfConfig))]
public class SystemBenchmarks
{
    private BenchmarkData _data = null!;
    private PredictionInput[] _inputs = null!;
    private PredictionInput[] _ensembleInputs = null!;
    private IPredictionSystem _system = null!;
    private IPredictionSystem _ensemble = null!;

    [Params(SystemIds.MovingAverage, SystemIds.ZoneMatchup, SystemIds.Similarity, SystemIds.Xgboost)]
    public string System { get; set; } = SystemIds.MovingAverage;

    [GlobalSetup]
    public void Setup()
    {
        _data = BenchmarkData.Load("systems-" + System);
        _inputs = _data.Inputs().ToArray();
        _system = _data.Systems.Single(s => s.Id == System);
        _ensemble = _data.Systems.Single(s => s.CombinesOtherSystems);
        var bases = _data.Systems.Where(s => !s.CombinesOtherSystems).ToArray();
        _ensembleInputs = _inputs.Select(input => input with
        {
            BasePredictions = bases.Select(s => s.Predict(input)).OfType<SystemPrediction>().ToArray(),
        }).ToArray();
    }

    [GlobalCleanup] public void Cleanup() => _data.Dispose();

    [Benchmark(OperationsPerInvoke = BenchmarkData.Requests)]
    public int Predict()
    {
        var ok = 0;
        foreach (var input in _inputs) if (_system.Predict(input) is SystemPrediction) ok++;
        return ok;
    }

    [Benchmark(OperationsPerInvoke = BenchmarkData.Requests)]
    public int Ensemble()
    {
        var ok = 0;
        foreach (var input in _ensembleInputs) if (_ensemble.Predict(input) is SystemPrediction) ok++;
        return ok;
    }
}
