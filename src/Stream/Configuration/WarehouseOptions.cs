using StreamProcessor.Sinks.Warehouse;

namespace StreamProcessor.Stream.Configuration;

/// <summary>Which warehouse the verbs work against (also: the global --warehouse option).</summary>
public sealed record WarehouseOptions
{
    public const string Embedded = "embedded", BigQuery = "bigquery";

    /// <summary><c>embedded</c> (the DuckDB file in the data dir) or <c>bigquery</c> (the Storage Write and Read APIs).</summary>
    public string Kind { get; init; } = Embedded;

    /// <summary>
    /// DuckDB's worker threads for the embedded file. The pipeline's blocks already keep every core busy; DuckDB's own
    /// parallel tasks on top of them cost more in scheduling than they gain (a season replay on two cores: 4.1 s with
    /// DuckDB's default of one thread per core, 3.6 s with one).
    /// </summary>
    public int DuckDbThreads { get; init; } = 1;

    /// <summary>
    /// The write-ahead log size (MiB) at which DuckDB checkpoints, inside the commit that crosses it: that write waits
    /// while each table's last row group (up to 122,880 rows) and the log's rows are rewritten into the file. Larger
    /// is rarer but longer waits, and more log to replay after a crash.
    /// </summary>
    public int DuckDbCheckpointMb { get; init; } = 16;

    /// <summary>
    /// Rows per DuckDB row group for what the embedded file stores from now on (DuckDB's default: 122,880). A checkpoint
    /// rewrites each table's last row group whole, so with the default a checkpoint under a stream rewrote up to 122,880
    /// predictions to add a few thousand (230 ms against 55 ms at 16,384 for 2,500 new rows on the season's table), a
    /// stall inside whichever write crossed the log threshold; and a date bound skips whole row groups only, so the
    /// season's feature rows in one group were all read for a day's batch.
    /// </summary>
    public int DuckDbRowGroupSize { get; init; } = 16_384;

    /// <summary>
    /// The most memory (MiB) DuckDB's buffer manager holds for the embedded file. Without a limit it keeps every table
    /// block it has read or written cached, up to 80% of the machine: `stream run` at 1,000 requests/s grew 302 → 1,132 MB
    /// of RSS in 30 minutes, and the 25x season replay reached 1,052 MB. Beyond the limit DuckDB evicts cached blocks and
    /// checkpointed index pages (read back from the file when needed) and spills big queries beside the file. Too
    /// tight a limit fails checkpoints: at 96 MiB a 25x season replay ended with DuckDB invalidating the database
    /// ("checkpointing failed"); 128 and 160 MiB ran it through at full speed.
    /// </summary>
    public int DuckDbMemoryLimitMb { get; init; } = 256;

    /// <summary>
    /// Compression methods DuckDB does not try when it checkpoints (comma-separated; empty: all). A checkpoint happens
    /// inside whichever commit takes the log past <see cref="DuckDbCheckpointMb"/>, and that write waits while DuckDB
    /// analyses each new column segment with every method and compresses it: the string and floating-point methods
    /// (FSST, ALP) cost most. Without them, `stream run` at 1,000 requests/s: p99 292-298 ms over a minute against
    /// 385-397 with all (alternated runs); the season replay 4,022-4,093 against 3,852-3,920 requests/s; the file
    /// ~10% larger (54 against 49 MB after the season).
    /// </summary>
    public string DuckDbDisabledCompression { get; init; } = "fsst,dict_fsst,alp,alprd,zstd";

    /// <summary>The settings the embedded file is opened with.</summary>
    public DuckDbSettings DuckDbSettings() => new(DuckDbThreads, DuckDbCheckpointMb, DuckDbRowGroupSize, DuckDbMemoryLimitMb, DuckDbDisabledCompression);
}
