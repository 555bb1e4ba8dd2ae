namespace StreamProcessor.Google.BigQuery.Write;

/// <summary>A column's BigQuery type, as a row schema writes it.</summary>
public enum ColumnKind
{
    /// <summary>STRING: proto string.</summary>
    String,
    /// <summary>INT64: proto int64.</summary>
    Int64,
    /// <summary>FLOAT64: proto double.</summary>
    Float64,
    /// <summary>BOOL: proto bool.</summary>
    Bool,
    /// <summary>DATE: proto int32, days since 1970-01-01 (a DateOnly).</summary>
    Date,
    /// <summary>TIMESTAMP: proto int64, microseconds since the epoch (a DateTimeOffset).</summary>
    Timestamp,
}
