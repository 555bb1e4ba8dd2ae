namespace StreamProcessor.Stream.Resilience.Retry;

/// <summary>Retries of transient sink and publisher failures: exponential backoff with jitter.</summary>
public sealed record RetryOptions
{
    /// <summary>Attempts in all, the first included (production's fix: 3).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The first backoff; each later one doubles it (production: 2 s, 4 s, 8 s).</summary>
    public int BaseDelayMs { get; init; } = 2000;

    /// <summary>Randomise each delay so replicas that failed together do not retry together.</summary>
    public bool UseJitter { get; init; } = true;
}
