using DuckDB.NET.Data;

namespace StreamProcessor.Tests;

/// <summary>Reads a warehouse file the way a user with a DuckDB shell would: plain SQL, rows of values.</summary>
public static class WarehouseQuery
{
    public static List<object[]> Rows(string warehousePath, string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={warehousePath}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}
