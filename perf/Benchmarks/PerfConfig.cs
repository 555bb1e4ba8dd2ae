using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace StreamProcessor.Perf.Benchmarks;

/// <summary>
/// In-process (no generated project to build on a shared machine), a short run, allocations measured. Every benchmark
/// handles <see cref="BenchmarkData.Requests"/> requests per invocation and reports per request.
/// </summary>
public sealed class PerfConfig : ManualConfig
{
    public PerfConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithArtifactsPath(Path.Combine(Harness.RepositoryRoot.Find(), "perf", "out", "benchmarks"));
    }
}
