namespace StreamProcessor.Google.BigQuery.Write;

/// <summary>What one write did: rows appended, and the rows refused (the rest were appended all the same).</summary>
public sealed record WriteReport(int RowsWritten, IReadOnlyList<RowFailure> Failures);
