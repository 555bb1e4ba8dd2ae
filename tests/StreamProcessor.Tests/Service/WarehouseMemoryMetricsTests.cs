using Prometheus;
using StreamProcessor.Stream.Service;
using WarehouseFile = StreamProcessor.Sinks.Warehouse.Warehouse;

namespace StreamProcessor.Tests.Service;

public class WarehouseMemoryMetricsTests
{
    [Fact]
    public async Task A_scrape_reports_what_duckdb_holds_by_use_and_bounded_by_its_limit()
    {
        using var temp = new TempDirectory();
        using var warehouse = WarehouseFile.OpenInDirectory(temp.Path, new StreamProcessor.Sinks.Warehouse.DuckDbSettings(MemoryLimitMegabytes: 128));
        await warehouse.InTransactionAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "CREATE TABLE filler AS SELECT range AS id, md5(range::VARCHAR) AS text FROM range(300000)";
            command.ExecuteNonQuery();
        }, CancellationToken.None);
        var registry = Metrics.NewCustomRegistry();
        _ = new WarehouseMemoryMetrics(warehouse.MemoryByTag, registry);

        var scrape = await PrometheusScrape.OfAsync(registry);

        var total = scrape.Sum("stream_warehouse_memory_bytes");
        Assert.True(total > 1_000_000, $"DuckDB holds the table it just wrote: {total} bytes");
        Assert.True(total <= 128L * 1024 * 1024, $"{total} bytes, over the 128 MiB limit");
    }

    [Fact]
    public async Task A_use_that_empties_reads_zero_a_failed_read_keeps_the_last_values_and_no_warehouse_here_means_no_series()
    {
        var answer = new Dictionary<string, long> { ["BASE_TABLE"] = 5_000, ["ART_INDEX"] = 700 };
        var fail = false;
        var registry = Metrics.NewCustomRegistry();
        _ = new WarehouseMemoryMetrics(() => fail ? throw new InvalidOperationException("the file is closing") : answer, registry);

        Assert.Equal(5_700, (await PrometheusScrape.OfAsync(registry)).Sum("stream_warehouse_memory_bytes"));
        answer = new Dictionary<string, long> { ["BASE_TABLE"] = 6_000 };
        var scrape = await PrometheusScrape.OfAsync(registry);
        Assert.Equal(0, scrape.Sum("stream_warehouse_memory_bytes", ("use", "ART_INDEX")));
        Assert.Equal(6_000, scrape.Sum("stream_warehouse_memory_bytes", ("use", "BASE_TABLE")));
        fail = true;
        Assert.Equal(6_000, (await PrometheusScrape.OfAsync(registry)).Sum("stream_warehouse_memory_bytes"));

        var elsewhere = Metrics.NewCustomRegistry();
        _ = new WarehouseMemoryMetrics(() => null, elsewhere);
        Assert.False((await PrometheusScrape.OfAsync(elsewhere)).Has("stream_warehouse_memory_bytes"));
    }
}
