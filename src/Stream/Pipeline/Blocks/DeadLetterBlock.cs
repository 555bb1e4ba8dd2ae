using System.Threading.Tasks.Dataflow;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Resilience.Retry;
using StreamProcessor.Stream.Sources;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>
/// Records request-level dead letters and their execution-log rows, then acknowledges their messages: a bad
/// request is never retried, but it is never dropped unrecorded either. If recording fails, nothing is acknowledged: the batch is handed back to its source.
/// </summary>
internal static class DeadLetterBlock
{
    public static ActionBlock<DeadLetter[]> Create(
        PipelineDependencies dependencies, IRequestSource source, IPipelineObserver observer, ExecutionDataflowBlockOptions options) =>
        new(async batch =>
        {
            try
            {
                await dependencies.SinkRetry.ExecuteAsync("dead_letter_write", observer, ct => dependencies.DeadLetterSink.WriteAsync(batch, ct), options.CancellationToken);
                var runs = batch.Select(WorkerRuns.DeadLettered).ToArray();
                await dependencies.SinkRetry.ExecuteAsync("execution_log", observer, ct => dependencies.ExecutionLog.WriteAsync(runs, ct), options.CancellationToken);
                await source.AcknowledgeAsync(batch.Select(d => d.RequestId).ToArray(), options.CancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await HandBack.BatchAsync(source, batch.Select(d => d.RequestId).ToArray(), "dead_letter", e, observer);
                return;
            }
            foreach (var deadLetter in batch) observer.RequestDeadLettered(deadLetter.ReasonCode);
        }, options);
}
