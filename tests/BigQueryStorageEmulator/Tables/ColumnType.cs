namespace StreamProcessor.BigQueryStorageEmulator.Tables;

/// <summary>The BigQuery column types the DDL in deploy/bigquery uses.</summary>
public enum ColumnType
{
    String,
    Int64,
    Float64,
    Bool,
    /// <summary>Held as days since 1970-01-01 (int).</summary>
    Date,
    /// <summary>Held as microseconds since the epoch, UTC (long).</summary>
    Timestamp,
}
