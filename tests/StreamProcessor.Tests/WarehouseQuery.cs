namespace StreamProcessor.Tests;

/// <summary>
/// Reads a warehouse file the way a user with a DuckDB shell would: plain SQL, rows of values. Through the warehouse's
/// own instance when this process holds the file open (a second instance on the same file would write over the first).
/// </summary>
public static class WarehouseQuery
{
    public static List<object[]> Rows(string warehousePath, string sql)
    {
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.Open(warehousePath);
        using var connection = warehouse.Connect();
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
