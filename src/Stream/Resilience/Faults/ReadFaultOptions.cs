namespace StreamProcessor.Stream.Resilience.Faults;

/// <summary>Faults of a store the pipeline reads from (features, the execution-log lookup, breaker state).</summary>
public sealed record ReadFaultOptions
{
    /// <summary>The store's first this-many calls fail with a transient error: an outage of that many attempts, retries included.</summary>
    public int TransientFailures { get; init; }

    /// <summary>Every call fails with a permanent error.</summary>
    public bool Permanent { get; init; }

    public bool Any => TransientFailures > 0 || Permanent;
}
