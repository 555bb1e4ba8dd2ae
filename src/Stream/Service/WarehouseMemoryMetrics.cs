using Prometheus;

namespace StreamProcessor.Stream.Service;

/// <summary>
/// Exports <c>stream_warehouse_memory_bytes{use}</c>: what the warehouse holds in this process's memory, by use (for the
/// embedded file, DuckDB's own accounting: <c>BASE_TABLE</c> cached blocks, <c>ART_INDEX</c>, <c>IN_MEMORY_TABLE</c> rows
/// not yet checkpointed, ...), read at each scrape. Beside <c>process_resident_memory_bytes</c> it tells DuckDB's pool
/// filling to <c>warehouse.duckdb_memory_limit_mb</c> from a leak. No series for a warehouse that holds nothing here
/// (BigQuery). A failed read (the file closing at shutdown) keeps the last values.
/// </summary>
public sealed class WarehouseMemoryMetrics
{
    private readonly Func<IReadOnlyDictionary<string, long>?> _read;
    private readonly Gauge _bytes;
    private readonly object _gate = new();

    public WarehouseMemoryMetrics(Func<IReadOnlyDictionary<string, long>?> read, CollectorRegistry registry)
    {
        _read = read;
        _bytes = Metrics.WithCustomRegistry(registry).CreateGauge("stream_warehouse_memory_bytes",
            "Memory the warehouse holds in this process, by use (DuckDB's cached table blocks, indexes, rows not yet checkpointed, ...); bounded by warehouse.duckdb_memory_limit_mb.", "use");
        registry.AddBeforeCollectCallback(Sample);
    }

    private void Sample()
    {
        IReadOnlyDictionary<string, long>? uses;
        try
        {
            uses = _read();
        }
        catch (Exception)
        {
            return; // a scrape never fails for it: the gauge keeps its last values, and the other series still go out
        }
        if (uses is null) return;
        lock (_gate)
        {
            // A use that holds nothing now reads 0, not its last value.
            foreach (var labels in _bytes.GetAllLabelValues().Where(l => !uses.ContainsKey(l[0])).ToArray()) _bytes.WithLabels(labels).Set(0);
            foreach (var (use, bytes) in uses) _bytes.WithLabels(use).Set(bytes);
        }
    }
}
