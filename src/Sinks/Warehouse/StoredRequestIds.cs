using DuckDB.NET.Data;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>
/// The request ids of the tables keyed by one (<c>prediction_events</c>, <c>prediction_worker_runs</c>), which their
/// writers keep unique themselves since migration 008 took DuckDB's index off them: a write finds which of its ids are
/// stored and deletes the rows it replaces before it appends its own, inside
/// <see cref="Warehouse.InKeyedTransactionAsync(Action{DuckDBConnection}, CancellationToken)"/> so no other write comes
/// between. An id is looked for among the rows of its own date (an undated one among undated rows): a request id names
/// one message, and the date is the message's. So the look reads the write's days, not the table (stored in arrival
/// order, by date in a replay), and costs the same on the millionth request as on the first.
/// </summary>
internal static class StoredRequestIds
{
    private const string Staged = "written_request_ids";

    /// <summary>Of <paramref name="ids"/>, those with a row in <paramref name="table"/>.</summary>
    public static HashSet<string> Find(DuckDBConnection connection, string table, IReadOnlyCollection<(string Id, DateOnly? Date)> ids)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count == 0) return found;
        var (first, last, undated) = Stage(connection, ids);
        if (first is { } from && last is { } to)
            Read(connection, found, $"""
                SELECT t.request_id FROM {table} t SEMI JOIN {Staged} k ON t.request_id = k.request_id
                WHERE t.game_date BETWEEN $1 AND $2
                """, from, to);
        // IS NULL skips every stored block that holds no undated row: most of them.
        if (undated) Read(connection, found, $"SELECT t.request_id FROM {table} t SEMI JOIN {Staged} k ON t.request_id = k.request_id WHERE t.game_date IS NULL");
        Sql.Execute(connection, $"DROP TABLE {Staged}");
        return found;
    }

    /// <summary>Deletes the rows of <paramref name="ids"/> (found by <see cref="Find"/>) from <paramref name="table"/>.</summary>
    public static void Delete(DuckDBConnection connection, string table, IReadOnlyCollection<(string Id, DateOnly? Date)> ids)
    {
        if (ids.Count == 0) return;
        var (first, last, undated) = Stage(connection, ids);
        if (first is { } from && last is { } to)
            Sql.Execute(connection, $"""
                DELETE FROM {table} t USING {Staged} k WHERE t.request_id = k.request_id AND t.game_date BETWEEN $1 AND $2
                """, from, to);
        if (undated) Sql.Execute(connection, $"DELETE FROM {table} t USING {Staged} k WHERE t.request_id = k.request_id AND t.game_date IS NULL");
        Sql.Execute(connection, $"DROP TABLE {Staged}");
    }

    private static (DateOnly? First, DateOnly? Last, bool Undated) Stage(DuckDBConnection connection, IReadOnlyCollection<(string Id, DateOnly? Date)> ids)
    {
        Sql.Execute(connection, $"CREATE OR REPLACE TEMP TABLE {Staged} (request_id VARCHAR)");
        DateOnly? first = null, last = null;
        var undated = false;
        using var appender = connection.CreateAppender("temp", "main", Staged);
        foreach (var (id, date) in ids)
        {
            appender.CreateRow().AppendValue(id).EndRow();
            if (date is not { } d) undated = true;
            else
            {
                if (first is null || d < first) first = d;
                if (last is null || d > last) last = d;
            }
        }
        return (first, last, undated);
    }

    private static void Read(DuckDBConnection connection, HashSet<string> found, string sql, params object?[] parameters)
    {
        using var cmd = Sql.Command(connection, sql, parameters);
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) found.Add(reader.GetString(0));
    }
}
