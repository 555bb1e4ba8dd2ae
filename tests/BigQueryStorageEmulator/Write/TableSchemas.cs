using Google.Cloud.BigQuery.Storage.V1;
using StreamProcessor.BigQueryStorageEmulator.Tables;
using FieldType = Google.Cloud.BigQuery.Storage.V1.TableFieldSchema.Types.Type;
using Mode = Google.Cloud.BigQuery.Storage.V1.TableFieldSchema.Types.Mode;

namespace StreamProcessor.BigQueryStorageEmulator.Write;

/// <summary>A table definition as the API's TableSchema (what GetWriteStream returns with view FULL).</summary>
public static class TableSchemas
{
    public static TableSchema Of(TableDefinition table)
    {
        var schema = new TableSchema();
        foreach (var column in table.Columns)
            schema.Fields.Add(new TableFieldSchema
            {
                Name = column.Name,
                Type = column.Type switch
                {
                    ColumnType.String => FieldType.String,
                    ColumnType.Int64 => FieldType.Int64,
                    ColumnType.Float64 => FieldType.Double,
                    ColumnType.Bool => FieldType.Bool,
                    ColumnType.Date => FieldType.Date,
                    _ => FieldType.Timestamp,
                },
                Mode = column.Repeated ? Mode.Repeated : column.Required ? Mode.Required : Mode.Nullable,
            });
        return schema;
    }
}
