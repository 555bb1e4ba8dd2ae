using System.Text.Json.Serialization;

namespace StreamProcessor.Perf.Load;

/// <summary>
/// One minute of a soak: the service's mean RSS (and its anonymous and file-backed parts), managed heap (its live
/// objects, and what the GC has committed for it) and warehouse memory (DuckDB's, and by DuckDB's tag at the minute's
/// last look) over it (MB), the requests it finished, their p99 end to end and the mean write (ms).
/// </summary>
public sealed record SoakMinute(
    [property: JsonPropertyName("minute")] int Minute,
    [property: JsonPropertyName("rss_mb")] double RssMb,
    [property: JsonPropertyName("rss_anon_mb")] double RssAnonMb,
    [property: JsonPropertyName("rss_file_mb")] double RssFileMb,
    [property: JsonPropertyName("managed_mb")] double ManagedMb,
    [property: JsonPropertyName("managed_committed_mb")] double ManagedCommittedMb,
    [property: JsonPropertyName("warehouse_mb")] double WarehouseMb,
    [property: JsonPropertyName("finished")] double Finished,
    [property: JsonPropertyName("p99_ms")] double P99Ms,
    [property: JsonPropertyName("write_ms")] double WriteMs,
    [property: JsonPropertyName("warehouse_by_use_mb")] IReadOnlyDictionary<string, double> WarehouseByUseMb);
