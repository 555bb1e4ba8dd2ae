using System.Diagnostics;
using System.Threading.Tasks.Dataflow;
using Polly;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Stream.Pipeline.Messages;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Resilience.Retry;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>
/// publish: one completion event per written request, then the execution-log rows, then (and only then)
/// the acknowledgement; for a batch whose write committed its events and log rows too, the acknowledgement alone.
/// Anything that fails after its retries (or the batch's write before) hands the batch back to its source
/// unacknowledged, to be delivered again.
/// </summary>
internal static class PublishBlock
{
    public static ActionBlock<WrittenBatch> Create(
        PipelineDependencies dependencies, IRequestSource source, PipelineCounters counters, IPipelineObserver observer, ExecutionDataflowBlockOptions options) =>
        new(async written =>
        {
            var batch = written.Requests;
            if (written.Error is { } writeError)
            {
                await HandBack.BatchAsync(source, batch.Select(r => r.RequestId).ToArray(), "write", writeError, observer);
                return;
            }
            try
            {
                if (written.Completed)
                {
                    // The events and the execution log were committed with the rows: the write published them.
                    var events = batch.Count(r => r.Run.SkipReason is null);
                    if (events > 0) observer.EventsPublished(events, written.WriteTime);
                }
                else
                {
                    var started = Stopwatch.GetTimestamp();
                    var events = BatchCompletion.Events(batch, dependencies.Clock.GetUtcNow());
                    if (events.Length > 0)
                    {
                        await dependencies.SinkRetry.ExecuteAsync("publish", observer, ct => dependencies.EventPublisher.PublishAsync(events, ct), options.CancellationToken);
                        observer.EventsPublished(events.Length, Stopwatch.GetElapsedTime(started));
                    }
                    var runs = BatchCompletion.Runs(batch, written.WriteTime, Stopwatch.GetElapsedTime(started));
                    await dependencies.SinkRetry.ExecuteAsync("execution_log", observer, ct => dependencies.ExecutionLog.WriteAsync(runs, ct), options.CancellationToken);
                }
                await source.AcknowledgeAsync(batch.Select(r => r.RequestId).ToArray(), options.CancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await HandBack.BatchAsync(source, batch.Select(r => r.RequestId).ToArray(), "publish", e, observer);
                return;
            }
            foreach (var r in batch)
            {
                if (r.Run.SkipReason is { } reason)
                {
                    observer.RequestSkipped(reason);
                    continue;
                }
                counters.CountSystems(r.Run.SystemsSucceeded, r.Run.SystemsFailed, r.Run.SystemsSkipped);
                observer.RequestCompleted(Stopwatch.GetElapsedTime(r.Request.ReceivedAt), r.Rows.Count, r.Run.SystemsSucceeded);
            }
        }, options);
}
