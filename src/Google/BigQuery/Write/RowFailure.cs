namespace StreamProcessor.Google.BigQuery.Write;

/// <summary>A row BigQuery (or the encoder) refused, by its index in the caller's list, with why.</summary>
public sealed record RowFailure(int Index, string Message);
