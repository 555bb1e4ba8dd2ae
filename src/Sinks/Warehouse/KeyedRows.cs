using DuckDB.NET.Data;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>
/// Rows keyed on their table's primary key, written in a <see cref="WriteMode"/>: appended straight into the table, or
/// staged and upserted (<see cref="StagedUpsert"/>). Of rows repeating a key in one write the last given wins either
/// way: the append drops the earlier ones here, as DuckDB would refuse the second of two equal keys.
/// </summary>
internal static class KeyedRows
{
    public static int Replace<T, TKey>(DuckDBConnection connection, WriteMode mode, string table, string keyColumns,
        IReadOnlyList<T> rows, Func<T, TKey> key, Action<IDuckDBAppenderRow, T> append) where TKey : notnull
    {
        if (rows.Count == 0) return 0;
        return mode == WriteMode.Upsert
            ? StagedUpsert.Replace(connection, table, keyColumns, rows, append)
            : Append(connection, table, LastPerKey(rows, key), append);
    }

    /// <summary>Appends <paramref name="rows"/> to <paramref name="table"/> (<c>schema.name</c>), in the order given.</summary>
    public static int Append<T>(DuckDBConnection connection, string table, IEnumerable<T> rows, Action<IDuckDBAppenderRow, T> append)
    {
        var dot = table.IndexOf('.');
        using var appender = connection.CreateAppender(table[..dot], table[(dot + 1)..]);
        return Sql.AppendRows(appender, rows, append);
    }

    /// <summary>The rows without any that a later row repeats the key of, in the order given.</summary>
    public static IReadOnlyList<T> LastPerKey<T, TKey>(IReadOnlyList<T> rows, Func<T, TKey> key) where TKey : notnull
    {
        var seen = new HashSet<TKey>(rows.Count);
        var kept = new List<T>(rows.Count);
        for (var i = rows.Count - 1; i >= 0; i--)
            if (seen.Add(key(rows[i]))) kept.Add(rows[i]);
        if (kept.Count == rows.Count) return rows;
        kept.Reverse();
        return kept;
    }
}
