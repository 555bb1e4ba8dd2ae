using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>
/// The embedded warehouse: one DuckDB file holding the production schemas. Opening it applies
/// any migrations it has not seen. Every operation gets its own connection to the shared
/// database instance, so readers and writers in different pipeline blocks do not contend on one.
/// </summary>
public sealed class Warehouse : IDisposable
{
    public const string FileName = "warehouse.duckdb";

    // Keeps the database instance alive (and its file lock held) for the warehouse's lifetime,
    // so per-operation connections are cheap attachments rather than file opens.
    private readonly DuckDBConnection _anchor;
    private readonly string _connectionString;

    private Warehouse(string path, DuckDBConnection anchor, string connectionString)
    {
        Path = path;
        _anchor = anchor;
        _connectionString = connectionString;
    }

    public string Path { get; }

    /// <summary>Opens (creating if needed) <c>&lt;dataDir&gt;/warehouse.duckdb</c> and brings its schema up to date.</summary>
    public static Warehouse OpenInDirectory(string dataDir, DuckDbSettings? settings = null) =>
        Open(System.IO.Path.Combine(dataDir, FileName), settings);

    public static Warehouse Open(string path, DuckDbSettings? settings = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var connectionString = $"Data Source={full}";
        var anchor = new DuckDBConnection(connectionString);
        try
        {
            anchor.Open();
            if (settings?.Threads is { } threads) Sql.Execute(anchor, $"SET threads = {Math.Max(1, threads)}");
            if (settings?.CheckpointMegabytes is { } megabytes) Sql.Execute(anchor, $"SET checkpoint_threshold = '{Math.Max(1, megabytes)}MiB'");
            Migrations.Apply(anchor);
        }
        catch (DuckDBException e)
        {
            anchor.Dispose();
            throw new WarehouseException($"cannot open the warehouse at {full}: {e.Message}", e);
        }
        return new Warehouse(full, anchor, connectionString);
    }

    internal DuckDBConnection Connect()
    {
        var connection = new DuckDBConnection(_connectionString);
        connection.Open();
        return connection;
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

    public void Dispose() => _anchor.Dispose();
}
