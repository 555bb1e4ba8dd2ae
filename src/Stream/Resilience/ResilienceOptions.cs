using StreamProcessor.Stream.Resilience.CircuitBreaker;
using StreamProcessor.Stream.Resilience.Retry;

namespace StreamProcessor.Stream.Resilience;

/// <summary>Config <c>resilience:</c>: the per-system breakers and the retries of writes and publishes.</summary>
public sealed record ResilienceOptions
{
    public BreakerOptions Breaker { get; init; } = new();
    public RetryOptions Retry { get; init; } = new();
}
