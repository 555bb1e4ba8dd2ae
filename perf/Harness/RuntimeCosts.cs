using System.Runtime;
using System.Text.Json.Serialization;

namespace StreamProcessor.Perf.Harness;

/// <summary>
/// What the .NET runtime spent while a run went, beside its time: bytes allocated, the collections and how long they
/// paused the managed threads (a thread inside DuckDB's native code runs on through a pause), and the JIT
/// (ReadyToRun code still recompiles its hot methods, on a thread of its own that takes a core's share). Allocation is
/// counted exactly, so unlike the timings it repeats from run to run.
/// </summary>
public sealed record RuntimeCosts
{
    [JsonPropertyName("allocated_mb")] public double AllocatedMb { get; init; }
    [JsonPropertyName("gc_pause_ms")] public double GcPauseMs { get; init; }
    [JsonPropertyName("gen0_collections")] public int Gen0Collections { get; init; }
    [JsonPropertyName("gen1_collections")] public int Gen1Collections { get; init; }
    [JsonPropertyName("gen2_collections")] public int Gen2Collections { get; init; }
    [JsonPropertyName("jit_ms")] public double JitMs { get; init; }
    [JsonPropertyName("jit_methods")] public long JitMethods { get; init; }

    /// <summary>The costs from now until the returned function is called.</summary>
    public static Func<RuntimeCosts> Start()
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var pause = GC.GetTotalPauseDuration();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var jit = JitInfo.GetCompilationTime();
        var methods = JitInfo.GetCompiledMethodCount();
        return () => new RuntimeCosts
        {
            AllocatedMb = Megabytes.Rounded(GC.GetTotalAllocatedBytes(precise: true) - allocated),
            GcPauseMs = Math.Round((GC.GetTotalPauseDuration() - pause).TotalMilliseconds, 1),
            Gen0Collections = GC.CollectionCount(0) - gen0,
            Gen1Collections = GC.CollectionCount(1) - gen1,
            Gen2Collections = GC.CollectionCount(2) - gen2,
            JitMs = Math.Round((JitInfo.GetCompilationTime() - jit).TotalMilliseconds, 1),
            JitMethods = JitInfo.GetCompiledMethodCount() - methods,
        };
    }
}
