namespace StreamProcessor.Stream.Resilience.CircuitBreaker;

/// <summary>The per-system circuit breakers (config <c>resilience.breaker</c>).</summary>
public sealed record BreakerOptions
{
    /// <summary>
    /// The breaker opens when at least this many calls were made in the sampling window and every one of
    /// them failed: for a system that fails every call, on its Nth consecutive failure.
    /// </summary>
    public int FailureThreshold { get; init; } = 5;

    /// <summary>How long an open breaker skips its system before letting one call probe it (HALF_OPEN).</summary>
    public double BreakSeconds { get; init; } = 1800;

    /// <summary>The window over which failures are counted; a success inside it keeps the breaker closed.</summary>
    public double SamplingSeconds { get; init; } = 600;

    /// <summary>Reads of the persisted breaker table are cached this long (another replica's change shows up within it).</summary>
    public double StateCacheSeconds { get; init; } = 30;
}
