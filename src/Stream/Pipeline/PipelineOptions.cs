namespace StreamProcessor.Stream.Pipeline;

/// <summary>Sizes and parallelism of the Dataflow blocks.</summary>
public sealed record PipelineOptions
{
    /// <summary>Most messages any one block holds (input queue plus output); bounds memory and applies back-pressure.</summary>
    public int BoundedCapacity { get; init; } = 512;

    /// <summary>
    /// Most requests read and not yet ended (acknowledged, dead-lettered, or handed back): the source is read only below
    /// it. Block capacities count messages, and a batch is one message, so they alone let ~13,000 requests into a 25x
    /// season replay.
    /// </summary>
    public int MaxRequestsInFlight { get; init; } = 4096;

    /// <summary>Requests whose features are loaded with one warehouse read.</summary>
    public int FeatureBatchSize { get; init; } = 512;

    /// <summary>
    /// Requests whose predictions are committed in one write. A write's cost is mostly per transaction (the appends' setup,
    /// the line-move check's scan of the table, the commit's log flush), not per row, so larger batches are cheaper per
    /// request: a season replay on two cores spent 8.0 CPU-s at 512 and 7.2 at 2,048 (4,480-4,670 vs 5,000-5,790
    /// requests/s), and gained nothing more at 4,096 but a longer p99. A batch is only this large under a backlog: it
    /// leaves as soon as nothing more is on its way.
    /// </summary>
    public int WriteBatchSize { get; init; } = 2048;

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
