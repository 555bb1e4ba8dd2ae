namespace StreamProcessor.Stream.Pipeline;

/// <summary>What one run of the pipeline did.</summary>
public sealed record PipelineRunResult
{
    public required long Requests { get; init; }
    public required long RequestsCompleted { get; init; }
    public required long PredictionsWritten { get; init; }
    public required long DeadLettered { get; init; }
    public required long Acknowledged { get; init; }
    public required IReadOnlyDictionary<string, long> DeadLettersByReason { get; init; }
    public required IReadOnlyDictionary<string, long> SystemSuccesses { get; init; }
    public required IReadOnlyDictionary<string, long> SystemFailures { get; init; }
    public required TimeSpan Elapsed { get; init; }

    public double RequestsPerSecond => Elapsed.TotalSeconds > 0 ? Requests / Elapsed.TotalSeconds : 0;
}
