using Prometheus;
using StreamProcessor.Stream.Service;

namespace StreamProcessor.Tests.Service;

public class ManagedHeapMetricsTests
{
    [Fact]
    public async Task A_scrape_reports_the_heap_the_GC_has_committed_which_holds_what_survived_its_collection()
    {
        var registry = Metrics.NewCustomRegistry();
        ManagedHeapMetrics.Register(registry);
        var held = new byte[64][];
        for (var i = 0; i < held.Length; i++) held[i] = new byte[256 * 1024]; // 16 MiB that survive the collection
        GC.Collect();

        var committed = (await PrometheusScrape.OfAsync(registry)).Sum("stream_gc_committed_bytes");

        Assert.True(committed >= 16 * 1024 * 1024, $"{committed} bytes committed with 16 MiB held");
        GC.KeepAlive(held);
    }
}
