using Prometheus;

namespace StreamProcessor.Stream.Service;

/// <summary>
/// Exports <c>stream_gc_committed_bytes</c>: the memory the .NET GC has committed for the managed heap as of its last
/// collection, read at each scrape. <c>dotnet_total_memory_bytes</c> counts only what the heap's objects take (~47 MB
/// under a 1,000 requests/s soak) while the GC holds about twice that (~95 MB) in the working set for its generations'
/// budgets; without this the difference reads as native memory of unknown origin.
/// </summary>
public static class ManagedHeapMetrics
{
    public static void Register(CollectorRegistry registry)
    {
        var committed = Metrics.WithCustomRegistry(registry).CreateGauge("stream_gc_committed_bytes",
            "Memory the .NET GC has committed for the managed heap (as of its last collection): its part of the working set.");
        registry.AddBeforeCollectCallback(() => committed.Set(GC.GetGCMemoryInfo().TotalCommittedBytes));
    }
}
