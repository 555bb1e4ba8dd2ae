namespace StreamProcessor.Google.PubSub.Publish;

/// <summary>
/// <c>events.pubsub</c>: where completion events (and, optionally, dead letters) are published, and how.
/// A pipeline write batch is published as one or more Publish calls of at most these many messages and bytes;
/// how long a partial batch waits for more is the pipeline's <c>batch_flush_milliseconds</c>.
/// </summary>
public sealed record PubSubPublishOptions
{
    /// <summary><c>projects/P/topics/T</c> (or a bare name with GOOGLE_CLOUD_PROJECT) of the prediction-ready events.</summary>
    public string Topic { get; init; } = "";

    /// <summary>Optional topic that also receives every request-level dead letter (after the warehouse has it); empty: none.</summary>
    public string DeadLetterTopic { get; init; } = "";

    /// <summary>Most messages in one Publish call (Pub/Sub allows 1,000).</summary>
    public int MaxMessagesPerCall { get; init; } = 100;

    /// <summary>Most bytes of message data in one Publish call (Pub/Sub allows 10 MB).</summary>
    public int MaxBytesPerCall { get; init; } = 1_000_000;

    /// <summary>Attempts per Publish call, the first included; only retryable codes are retried.</summary>
    public int MaxAttempts { get; init; } = 5;

    public int InitialBackoffMilliseconds { get; init; } = 100;

    /// <summary>Deadline of one Publish call.</summary>
    public int TimeoutSeconds { get; init; } = 30;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxMessagesPerCall is < 1 or > 1000) problems.Add($"events.pubsub.max_messages_per_call must be within 1..1000, got {MaxMessagesPerCall}");
        if (MaxBytesPerCall is < 1 or > 10_000_000) problems.Add($"events.pubsub.max_bytes_per_call must be within 1..10000000, got {MaxBytesPerCall}");
        if (MaxAttempts < 1) problems.Add($"events.pubsub.max_attempts must be at least 1, got {MaxAttempts}");
        if (InitialBackoffMilliseconds < 1) problems.Add($"events.pubsub.initial_backoff_milliseconds must be at least 1, got {InitialBackoffMilliseconds}");
        if (TimeoutSeconds < 1) problems.Add($"events.pubsub.timeout_seconds must be at least 1, got {TimeoutSeconds}");
        return problems;
    }
}
