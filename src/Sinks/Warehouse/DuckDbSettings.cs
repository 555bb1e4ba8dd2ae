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
public sealed record DuckDbSettings(int? Threads = null, int? CheckpointMegabytes = null, int? RowGroupSize = null, int? MemoryLimitMegabytes = null);
