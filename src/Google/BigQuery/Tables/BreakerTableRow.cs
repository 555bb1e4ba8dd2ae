using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Google.BigQuery.Tables;

/// <summary>A row of nba_orchestration.circuit_breaker_state: one transition of one (system, prop) breaker (appended).</summary>
public sealed record BreakerTableRow(
    string SystemId,
    string PropType,
    string State,
    long FailureCount,
    long Threshold,
    double TimeoutSeconds,
    DateTimeOffset? OpenedAt,
    string? OpenCause,
    IReadOnlyList<string> LastFailures,
    DateTimeOffset UpdatedAt)
{
    public const string Dataset = "nba_orchestration", Table = "circuit_breaker_state";

    public static BreakerTableRow From(BreakerRecord b) =>
        new(b.SystemId, b.Prop.Code(), b.State, b.FailureCount, b.Threshold, b.TimeoutSeconds, b.OpenedAt, b.OpenCause, b.LastFailures, b.UpdatedAt);
}
