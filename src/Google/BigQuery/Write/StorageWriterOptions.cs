namespace StreamProcessor.Google.BigQuery.Write;

/// <summary>One writer's table and limits.</summary>
public sealed record StorageWriterOptions
{
    /// <summary>The API refuses an AppendRows request over 10 MB; stay below it with room for the request's own fields.</summary>
    public const int ApiRequestLimitBytes = 10 * 1024 * 1024;

    public required TableReference Table { get; init; }

    /// <summary>Rows are CDC changes (_CHANGE_TYPE): the table needs a primary key, and only `_default` takes them.</summary>
    public bool Cdc { get; init; }

    /// <summary>A stream made with CreateWriteStream; null is the table's `_default` stream.</summary>
    public string? StreamName { get; init; }

    public int MaxRequestBytes { get; init; } = 9 * 1024 * 1024;

    /// <summary>Attempts per request on retryable codes (UNAVAILABLE, INTERNAL, ABORTED, RESOURCE_EXHAUSTED, DEADLINE_EXCEEDED).</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);
}
