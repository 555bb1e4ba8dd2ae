namespace StreamProcessor.BigQueryStorageEmulator.Tables;

/// <summary>A table as its DDL declares it: columns in order and the (not enforced) primary key CDC applies by.</summary>
public sealed class TableDefinition
{
    public TableDefinition(string dataset, string name, IReadOnlyList<Column> columns, IReadOnlyList<string> primaryKey)
    {
        Dataset = dataset;
        Name = name;
        Columns = columns;
        PrimaryKey = primaryKey;
        PrimaryKeyIndexes = primaryKey.Select(k => IndexOf(k) ?? throw new FormatException($"{dataset}.{name}: primary key column {k} is not a column")).ToArray();
    }

    public string Dataset { get; }
    public string Name { get; }
    public IReadOnlyList<Column> Columns { get; }
    public IReadOnlyList<string> PrimaryKey { get; }
    public IReadOnlyList<int> PrimaryKeyIndexes { get; }

    /// <summary>BigQuery column names are case-insensitive.</summary>
    public int? IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (string.Equals(Columns[i].Name, column, StringComparison.OrdinalIgnoreCase)) return i;
        return null;
    }
}
