namespace StreamProcessor.Google.PubSub.Source;

/// <summary>How <c>stream run --source pubsub</c> pulls: the subscription, flow control, leases and reconnects.</summary>
public sealed record PubSubSourceOptions
{
    /// <summary><c>projects/P/subscriptions/S</c>, or just <c>S</c> with the project from GOOGLE_CLOUD_PROJECT.</summary>
    public string Subscription { get; init; } = "";

    /// <summary>Most messages received and not yet acknowledged or nacked (in the pipeline or waiting to enter it).</summary>
    public int MaxOutstandingMessages { get; init; } = 500;

    /// <summary>Most bytes of message data received and not yet acknowledged or nacked.</summary>
    public long MaxOutstandingBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The ack deadline the stream asks for; a message in flight has its lease extended by this much before it runs out.</summary>
    public int AckDeadlineSeconds { get; init; } = 60;

    /// <summary>A message in flight longer than this is no longer extended: Pub/Sub then delivers it again.</summary>
    public int MaxLeaseExtensionSeconds { get; init; } = 3600;

    /// <summary>First wait before reconnecting a broken stream; it doubles up to <see cref="ReconnectMaxBackoffMilliseconds"/>.</summary>
    public int ReconnectInitialBackoffMilliseconds { get; init; } = 100;

    public int ReconnectMaxBackoffMilliseconds { get; init; } = 10_000;

    /// <summary>The problems with these options, empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Subscription)) problems.Add("source.pubsub.subscription is required (projects/P/subscriptions/S)");
        if (MaxOutstandingMessages < 1) problems.Add($"source.pubsub.max_outstanding_messages must be at least 1, got {MaxOutstandingMessages}");
        if (MaxOutstandingBytes < 1) problems.Add($"source.pubsub.max_outstanding_bytes must be at least 1, got {MaxOutstandingBytes}");
        if (AckDeadlineSeconds is < 10 or > 600) problems.Add($"source.pubsub.ack_deadline_seconds must be within 10..600 (Pub/Sub's range), got {AckDeadlineSeconds}");
        if (MaxLeaseExtensionSeconds < AckDeadlineSeconds) problems.Add($"source.pubsub.max_lease_extension_seconds ({MaxLeaseExtensionSeconds}) must be at least ack_deadline_seconds ({AckDeadlineSeconds})");
        if (ReconnectInitialBackoffMilliseconds < 1 || ReconnectMaxBackoffMilliseconds < ReconnectInitialBackoffMilliseconds)
            problems.Add("source.pubsub.reconnect_initial_backoff_milliseconds must be at least 1 and at most reconnect_max_backoff_milliseconds");
        return problems;
    }
}
