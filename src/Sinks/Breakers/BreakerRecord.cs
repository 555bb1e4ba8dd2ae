using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Sinks.Breakers;

/// <summary>A row of <c>nba_orchestration.circuit_breaker_state</c>: one (system, prop) breaker as last persisted.</summary>
public sealed record BreakerRecord
{
    public const string Closed = "CLOSED", Open = "OPEN", HalfOpen = "HALF_OPEN";

    /// <summary>The breaker opened because input data was missing; it closes as soon as features are rebuilt.</summary>
    public const string CauseDataMissing = "data_missing";
    public const string CauseSystemError = "system_error";

    public required string SystemId { get; init; }
    public required PropType Prop { get; init; }
    public BreakerKey Key => new(SystemId, Prop);
    public required string State { get; init; }
    public required int FailureCount { get; init; }
    public required int Threshold { get; init; }
    public required double TimeoutSeconds { get; init; }
    public DateTimeOffset? OpenedAt { get; init; }
    public string? OpenCause { get; init; }
    public IReadOnlyList<string> LastFailures { get; init; } = [];
    public required DateTimeOffset UpdatedAt { get; init; }
}
