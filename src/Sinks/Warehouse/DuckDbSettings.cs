namespace StreamProcessor.Sinks.Warehouse;

/// <summary>DuckDB settings the embedded warehouse opens with; a null keeps DuckDB's default.</summary>
/// <param name="Threads">DuckDB's worker threads (its default: one per core).</param>
/// <param name="CheckpointMegabytes">The write-ahead log size at which a commit checkpoints (DuckDB's default: 16).</param>
/// <param name="RowGroupSize">
/// Rows per row group for what is written while open (DuckDB's default: 122,880). A checkpoint rewrites each table's
/// last, partly filled row group whole, and a date bound skips whole row groups only.
/// </param>
/// <param name="MemoryLimitMegabytes">
/// The most DuckDB's buffer manager holds (DuckDB's default: 80% of the machine's memory). Cached table blocks and
/// checkpointed index pages are evicted beyond it, and a query that needs more spills to a directory beside the file.
/// </param>
/// <param name="DisabledCompression">
/// Compression methods DuckDB does not try when it checkpoints (comma-separated, its names: <c>fsst</c>, <c>alp</c>, ...);
/// null or empty: all of them.
/// </param>
public sealed record DuckDbSettings(int? Threads = null, int? CheckpointMegabytes = null, int? RowGroupSize = null, int? MemoryLimitMegabytes = null,
    string? DisabledCompression = null)
{
    /// <summary>The methods DuckDB can be told not to use (uncompressed, constant and empty it always keeps).</summary>
    public static readonly IReadOnlySet<string> CompressionMethods = new HashSet<string>(StringComparer.Ordinal)
        { "rle", "dictionary", "pfor", "bitpacking", "fsst", "dict_fsst", "chimp", "patas", "alp", "alprd", "zstd", "roaring" };

    /// <summary>The names in <paramref name="list"/> (comma-separated), trimmed and lower-cased, empty ones left out.</summary>
    public static IReadOnlyList<string> CompressionMethodsIn(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(m => m.ToLowerInvariant()).ToArray();
}
