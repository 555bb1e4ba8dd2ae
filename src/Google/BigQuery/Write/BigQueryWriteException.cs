using Grpc.Core;

namespace StreamProcessor.Google.BigQuery.Write;

/// <summary>An append the API refused for good (a non-retryable code, or retries used up); nothing after it was sent.</summary>
public sealed class BigQueryWriteException(StatusCode code, string message, int rowsWritten) : Exception($"{code}: {message}")
{
    public StatusCode Code { get; } = code;

    /// <summary>Rows of the same call appended before the failure.</summary>
    public int RowsWritten { get; } = rowsWritten;
}
