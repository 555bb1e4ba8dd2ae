using System.Threading.Tasks.Dataflow;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Sources;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>
/// Records request-level dead letters, then acknowledges their messages: a bad request is never
/// retried, but it is never dropped unrecorded either.
/// </summary>
internal static class DeadLetterBlock
{
    public static ActionBlock<DeadLetter[]> Create(
        IDeadLetterSink sink, IRequestSource source, PipelineCounters counters, IPipelineObserver observer, ExecutionDataflowBlockOptions options) =>
        new(async batch =>
        {
            await sink.WriteAsync(batch, options.CancellationToken);
            await source.AcknowledgeAsync(batch.Select(d => d.RequestId).ToArray(), options.CancellationToken);
            foreach (var deadLetter in batch)
            {
                counters.CountDeadLettered(deadLetter.ReasonCode);
                observer.RequestDeadLettered(deadLetter.ReasonCode);
            }
            counters.CountAcknowledged(batch.Length);
        }, options);
}
