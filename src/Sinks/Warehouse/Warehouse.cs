using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>
/// The embedded warehouse: one DuckDB file holding the production schemas. Opening it applies
/// any migrations it has not seen. Every operation gets its own connection to the shared
/// database instance, so readers and writers in different pipeline blocks do not contend on one.
/// </summary>
/// <remarks>
/// The file is attached to an instance of its own rather than opened as the instance's database, because only an
/// attach sets the row-group size (<see cref="DuckDbSettings.RowGroupSize"/>). Opening the same file again in this
/// process shares that instance, as DuckDB's own client did for a file path: two instances on one file would each
/// take the same process's file lock and write over each other.
/// </remarks>
public sealed class Warehouse : IDisposable
{
    public const string FileName = "warehouse.duckdb";

    // The name the file is attached under; every connection works in it.
    private const string Catalog = "warehouse";

    private static readonly Dictionary<string, SharedInstance> Instances = new(StringComparer.Ordinal);
    private static readonly Lock InstancesGate = new();

    private readonly SharedInstance _instance;
    private int _disposed;

    private Warehouse(string path, SharedInstance instance)
    {
        Path = path;
        _instance = instance;
    }

    public string Path { get; }

    /// <summary>Opens (creating if needed) <c>&lt;dataDir&gt;/warehouse.duckdb</c> and brings its schema up to date.</summary>
    public static Warehouse OpenInDirectory(string dataDir, DuckDbSettings? settings = null) =>
        Open(System.IO.Path.Combine(dataDir, FileName), settings);

    /// <summary>
    /// Opens (creating if needed) the file at <paramref name="path"/> and brings its schema up to date. While it is open
    /// in this process, opening it again shares it, and the first open's <paramref name="settings"/> hold.
    /// </summary>
    public static Warehouse Open(string path, DuckDbSettings? settings = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        // Opened and closed under the lock: an instance closing (and checkpointing) its file while another attaches it
        // would be two instances on one file.
        lock (InstancesGate)
        {
            if (!Instances.TryGetValue(full, out var instance))
            {
                instance = new SharedInstance(Attach(full, settings));
                Instances[full] = instance;
            }
            instance.Users++;
            return new Warehouse(full, instance);
        }
    }

    private static DuckDBConnection Attach(string full, DuckDbSettings? settings)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var anchor = new DuckDBConnection("Data Source=:memory:");
        try
        {
            anchor.Open();
            if (settings?.Threads is { } threads) Sql.Execute(anchor, $"SET threads = {Math.Max(1, threads)}");
            if (settings?.CheckpointMegabytes is { } megabytes) Sql.Execute(anchor, $"SET checkpoint_threshold = '{Math.Max(1, megabytes)}MiB'");
            if (settings?.MemoryLimitMegabytes is { } limit) Sql.Execute(anchor, $"SET memory_limit = '{Math.Max(1, limit)}MiB'");
            var disabled = DuckDbSettings.CompressionMethodsIn(settings?.DisabledCompression);
            if (disabled.Count > 0) Sql.Execute(anchor, $"SET disabled_compression_methods = '{string.Join(',', disabled)}'");
            // An in-memory instance would spill to .tmp under the working directory; keep it beside the file, as DuckDB
            // does for a file it opens itself.
            Sql.Execute(anchor, $"SET temp_directory = '{(full + ".tmp").Replace("'", "''")}'");
            var rowGroupSize = settings?.RowGroupSize is { } rows ? $" (ROW_GROUP_SIZE {rows})" : "";
            Sql.Execute(anchor, $"ATTACH '{full.Replace("'", "''")}' AS {Catalog}{rowGroupSize}");
            Sql.Execute(anchor, $"USE {Catalog}");
            Migrations.Apply(anchor);
            return anchor;
        }
        catch (DuckDBException e)
        {
            anchor.Dispose();
            throw new WarehouseException($"cannot open the warehouse at {full}: {e.Message}", e);
        }
    }

    internal DuckDBConnection Connect()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        var connection = _instance.Anchor.Duplicate();
        try
        {
            connection.Open();
            Sql.Execute(connection, $"USE {Catalog}");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction on its own connection, off the caller's thread
    /// (DuckDB's .NET client is synchronous): the shape of every write the pipeline makes.
    /// </summary>
    internal Task InTransactionAsync(Action<DuckDBConnection> write, CancellationToken cancellationToken) =>
        Task.Run(() => InTransaction(write), cancellationToken);

    /// <summary>
    /// Like <see cref="InTransactionAsync(Action{DuckDBConnection}, CancellationToken)"/>, in the mode
    /// <paramref name="appendFirst"/> gives: a <see cref="WriteMode.Append"/> that meets a key already in its table is
    /// rolled back whole and the write done again as a <see cref="WriteMode.Upsert"/>. So <paramref name="write"/> must
    /// depend on nothing but its arguments.
    /// </summary>
    internal Task InTransactionAsync(AppendFirst appendFirst, Action<DuckDBConnection, WriteMode> write, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            if (appendFirst.NextMode() == WriteMode.Append)
            {
                try
                {
                    InTransaction(connection => write(connection, WriteMode.Append));
                    return;
                }
                catch (DuckDBException e) when (e.ErrorType == DuckDBErrorType.Constraint)
                {
                    appendFirst.Conflicted(); // a key was there already: nothing of this attempt was committed
                }
            }
            InTransaction(connection => write(connection, WriteMode.Upsert));
        }, cancellationToken);

    private void InTransaction(Action<DuckDBConnection> write)
    {
        using var connection = Connect();
        using var tx = connection.BeginTransaction();
        write(connection);
        tx.Commit();
    }

    /// <summary>
    /// The memory DuckDB itself accounts for, in bytes by tag (<c>duckdb_memory()</c>: cached table blocks, ART
    /// indexes, temporary tables, ...), only the tags holding any: what tells its part of the process's RSS.
    /// </summary>
    public IReadOnlyDictionary<string, long> MemoryByTag()
    {
        var tags = new Dictionary<string, long>(StringComparer.Ordinal);
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0 ORDER BY memory_usage_bytes DESC";
        using var reader = command.ExecuteReader();
        while (reader.Read()) tags[reader.GetString(0)] = reader.GetInt64(1);
        return tags;
    }

    /// <summary>Closes the file (checkpointing it) once the last of this process's opens of it is disposed.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        lock (InstancesGate)
        {
            if (--_instance.Users > 0) return;
            Instances.Remove(Path);
            _instance.Anchor.Dispose();
        }
    }

    /// <summary>One DuckDB instance with the file attached, kept alive (its file lock held) by its anchor connection.</summary>
    private sealed class SharedInstance(DuckDBConnection anchor)
    {
        public DuckDBConnection Anchor { get; } = anchor;

        public int Users { get; set; }
    }
}
