namespace StreamProcessor.Stream.Pipeline;

/// <summary>What one run of the pipeline did.</summary>
public sealed record PipelineRunResult
{
    public required long Requests { get; init; }
    public required long RequestsCompleted { get; init; }
    public required long PredictionsWritten { get; init; }
    public required long DeadLettered { get; init; }
    public required long Acknowledged { get; init; }

    /// <summary>Requests whose output could not be written after retries; not acknowledged, so they will be redelivered.</summary>
    public required long Unacknowledged { get; init; }

    /// <summary>Transient failures retried along the way.</summary>
    public long Retries { get; init; }

    /// <summary>The last write failure behind <see cref="Unacknowledged"/>, if any.</summary>
    public string? LastError { get; init; }

    public required IReadOnlyDictionary<string, long> DeadLettersByReason { get; init; }
    public required IReadOnlyDictionary<string, long> SkippedByReason { get; init; }
    public required IReadOnlyDictionary<string, long> SystemSuccesses { get; init; }
    public required IReadOnlyDictionary<string, long> SystemFailures { get; init; }
    public required IReadOnlyDictionary<string, long> SystemSkips { get; init; }
    public required TimeSpan Elapsed { get; init; }

    public long Skipped => SkippedByReason.Values.Sum();

    public double RequestsPerSecond => Elapsed.TotalSeconds > 0 ? Requests / Elapsed.TotalSeconds : 0;
}
