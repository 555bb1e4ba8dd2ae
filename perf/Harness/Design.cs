using StreamProcessor.Stream.Pipeline;

namespace StreamProcessor.Perf.Harness;

/// <summary>How the pipeline is sized for a run.</summary>
public static class Design
{
    public const string Batched = "batched";
    public const string Sequential = "sequential";

    /// <summary>
    /// The old worker's shape: one request at a time end to end — one feature read and one write per request,
    /// no batching, no parallelism, nothing queued ahead. Same code, same sinks; only the sizes differ.
    /// </summary>
    public static PipelineOptions OneRequestAtATime(PipelineOptions configured) => configured with
    {
        BoundedCapacity = 1,
        FeatureBatchSize = 1,
        WriteBatchSize = 1,
        DeadLetterBatchSize = 1,
        DecodeParallelism = 1,
        FeatureLoadParallelism = 1,
        SystemParallelism = 1,
    };
}
