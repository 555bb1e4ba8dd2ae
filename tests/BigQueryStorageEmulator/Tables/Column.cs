namespace StreamProcessor.BigQueryStorageEmulator.Tables;

/// <summary>One column: REQUIRED when NOT NULL, REPEATED when an ARRAY (BigQuery arrays are never NULL).</summary>
public sealed record Column(string Name, ColumnType Type, bool Required, bool Repeated);
