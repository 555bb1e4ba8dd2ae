using BenchmarkDotNet.Attributes;
using StreamProcessor.Stream.Validation;

namespace StreamProcessor.Perf.Benchmarks;

/// <summary>decode/validate: a production-format message into a request.</summary>
[Config(typeof(PerfConfig))]
public class DecodeBenchmark
{
    private BenchmarkData _data = null!;
    private RequestDecoder _decoder = null!;

    [GlobalSetup] public void Setup() { _data = BenchmarkData.Load("decode"); _decoder = new RequestDecoder(_data.Options.Validation); }
    [GlobalCleanup] public void Cleanup() => _data.Dispose();

    [Benchmark(OperationsPerInvoke = BenchmarkData.Requests)]
    public int Decode()
    {
        var valid = 0;
        foreach (var message in _data.Messages) if (_decoder.Decode(message).IsValid) valid++;
        return valid;
    }
}
