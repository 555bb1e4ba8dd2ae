namespace StreamProcessor.Stream.Pipeline;

/// <summary>Sizes and parallelism of the Dataflow blocks.</summary>
public sealed record PipelineOptions
{
    /// <summary>Most messages any one block holds (input queue plus output); bounds memory and applies back-pressure.</summary>
    public int BoundedCapacity { get; init; } = 512;

    /// <summary>Requests whose features are loaded with one warehouse read.</summary>
    public int FeatureBatchSize { get; init; } = 512;

    /// <summary>
    /// Requests whose predictions are committed in one write. A write's cost is mostly per transaction (stage, merge,
    /// commit), not per row (perf/ SinkBenchmarks: 512 requests cost about what 128 do), so larger batches are cheaper per request.
    /// </summary>
    public int WriteBatchSize { get; init; } = 512;

    /// <summary>Dead letters committed in one write.</summary>
    public int DeadLetterBatchSize { get; init; } = 64;

    /// <summary>
    /// A partial feature-load or dead-letter batch is flushed after waiting this long (matters for a live stream, not a
    /// replay), unless batches are already waiting for the next block: then it keeps filling, as it could not start before
    /// them anyway. A write batch leaves as soon as nothing more is on its way to it; this delay only bounds its wait under
    /// a load that never drains.
    /// </summary>
    public int BatchFlushMilliseconds { get; init; } = 100;

    /// <summary>Concurrent decodes.</summary>
    public int DecodeParallelism { get; init; } = 2;

    /// <summary>Concurrent feature-load reads.</summary>
    public int FeatureLoadParallelism { get; init; } = 2;

    /// <summary>Concurrent predictions per system block.</summary>
    public int SystemParallelism { get; init; } = 2;
}
