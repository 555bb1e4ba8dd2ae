using DuckDB.NET.Data;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>
/// How every warehouse write lands: rows are appended to a temporary table shaped like the target (the
/// appender is far faster than INSERTs), then merged into the target in one statement, on the caller's
/// connection and transaction. Rows repeating a key within one write keep only the newest, the one given last,
/// because DuckDB rejects an upsert that touches the same key twice in a statement.
/// </summary>
internal static class StagedUpsert
{
    /// <summary>
    /// Replaces whole rows on the target's primary key; of rows sharing a key, the last one given wins. With
    /// <paramref name="clusterBy"/> the written rows are stored in that order (a table read by date ranges, stored by
    /// date, lets a date filter skip the rest of it): DuckDB's INSERT OR REPLACE does not keep an ORDER BY, so the
    /// replaced keys are deleted and the rows inserted in order, in the caller's one transaction.
    /// </summary>
    public static int Replace<T>(DuckDBConnection connection, string table, string keyColumns, IEnumerable<T> rows,
        Action<IDuckDBAppenderRow, T> append, string? clusterBy = null) =>
        // The appender fills the stage in the order given, so its rowid is that order.
        Merge(connection, table, rows, append, stage => clusterBy is null
            ? $"""
              INSERT OR REPLACE INTO {table}
              SELECT * FROM {stage} QUALIFY row_number() OVER (PARTITION BY {keyColumns} ORDER BY rowid DESC) = 1
              """
            : $"""
              DELETE FROM {table} WHERE ({keyColumns}) IN (SELECT {keyColumns} FROM {stage});
              INSERT INTO {table}
              SELECT * FROM {stage} QUALIFY row_number() OVER (PARTITION BY {keyColumns} ORDER BY rowid DESC) = 1
              ORDER BY {clusterBy};
              """);

    /// <summary>Stages <paramref name="rows"/> and runs <paramref name="mergeSql"/> (given the stage's name) to merge them.</summary>
    public static int Merge<T>(DuckDBConnection connection, string table, IEnumerable<T> rows,
        Action<IDuckDBAppenderRow, T> append, Func<string, string> mergeSql)
    {
        var stage = "stage_" + table.Replace('.', '_');
        Sql.Execute(connection, $"CREATE OR REPLACE TEMP TABLE {stage} AS SELECT * FROM {table} LIMIT 0");
        int count;
        using (var appender = connection.CreateAppender("temp", "main", stage))
            count = Sql.AppendRows(appender, rows, append);
        if (count > 0) Sql.Execute(connection, mergeSql(stage));
        Sql.Execute(connection, $"DROP TABLE {stage}");
        return count;
    }
}
