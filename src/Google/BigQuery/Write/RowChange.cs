namespace StreamProcessor.Google.BigQuery.Write;

/// <summary>How a row is written: a plain append, or a CDC change applied by the table's primary key.</summary>
public enum RowChange
{
    Append,
    Upsert,
    Delete,
}
