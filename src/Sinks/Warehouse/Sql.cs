using DuckDB.NET.Data;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>Small helpers over ADO.NET that keep the table classes about their SQL, not plumbing.</summary>
internal static class Sql
{
    public static int Execute(DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var cmd = Command(connection, sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    public static T Scalar<T>(DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var cmd = Command(connection, sql, parameters);
        var value = cmd.ExecuteScalar();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static DuckDBCommand Command(DuckDBConnection connection, string sql, params object?[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var p in parameters) cmd.Parameters.Add(new DuckDBParameter(p ?? DBNull.Value));
        return cmd;
    }

    /// <summary>Appends <paramref name="rows"/> through <paramref name="appender"/>, in the order given; returns how many.</summary>
    public static int AppendRows<T>(DuckDBAppender appender, IEnumerable<T> rows, Action<IDuckDBAppenderRow, T> append)
    {
        var count = 0;
        foreach (var item in rows)
        {
            var row = appender.CreateRow();
            append(row, item);
            row.EndRow();
            count++;
        }
        return count;
    }

    public static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;

    public static double NaNIfNull(DuckDB.NET.Data.DuckDBDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? double.NaN : reader.GetDouble(ordinal);
}
