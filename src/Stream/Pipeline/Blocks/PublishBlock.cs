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
/// the acknowledgement. Anything that fails after its retries (or the batch's write before) hands the batch back to
/// its source unacknowledged, to be delivered again.
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
            var started = Stopwatch.GetTimestamp();
            var publishedAt = dependencies.Clock.GetUtcNow();
            var predicted = batch.Where(r => r.Run.SkipReason is null).ToArray();
            var events = predicted.Select(r => new CompletionEvent
            {
                RequestId = r.RequestId,
                PlayerLookup = r.Run.PlayerLookup!,
                GameDate = r.Run.GameDate!.Value,
                GameId = r.Request.Validated.Request.GameId,
                PropType = r.Request.Validated.Request.Prop,
                LineValues = r.Run.LineValues,
                FeatureVersion = r.Run.FeatureVersion!,
                ModelVersion = r.Run.ModelVersion,
                SystemsSucceeded = r.Run.SystemsSucceeded,
                SystemsFailed = [.. r.Run.SystemsFailed, .. r.Run.SystemsSkipped],
                PredictionsWritten = r.Rows.Count,
                PublishedAt = publishedAt,
            }).ToArray();
            try
            {
                if (events.Length > 0)
                {
                    await dependencies.SinkRetry.ExecuteAsync("publish", observer, ct => dependencies.EventPublisher.PublishAsync(events, ct), options.CancellationToken);
                    observer.EventsPublished(events.Length, Stopwatch.GetElapsedTime(started));
                }
                var publishTime = Stopwatch.GetElapsedTime(started);
                WorkerRun[] runs = batch.Select(r => r.Run with
                {
                    WriteSeconds = r.Run.SkipReason is null ? written.WriteTime.TotalSeconds : 0,
                    PublishSeconds = r.Run.SkipReason is null ? publishTime.TotalSeconds : 0,
                }).ToArray();
                await dependencies.SinkRetry.ExecuteAsync("execution_log", observer, ct => dependencies.ExecutionLog.WriteAsync(runs, ct), options.CancellationToken);
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
                observer.RequestCompleted(Stopwatch.GetElapsedTime(r.Request.Validated.ReceivedAt), r.Rows.Count, r.Run.SystemsSucceeded);
            }
        }, options);
}
