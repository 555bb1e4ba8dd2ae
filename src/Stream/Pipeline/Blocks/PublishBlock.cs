using System.Diagnostics;
using System.Threading.Tasks.Dataflow;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Stream.Pipeline.Messages;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Sources;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>publish: one completion event per written request, then (and only then) the acknowledgement.</summary>
internal static class PublishBlock
{
    public static ActionBlock<RequestPredictions[]> Create(
        IEventPublisher publisher, IRequestSource source, PipelineCounters counters, IPipelineObserver observer, TimeProvider clock, ExecutionDataflowBlockOptions options) =>
        new(async batch =>
        {
            var publishedAt = clock.GetUtcNow();
            var events = batch.Select(r =>
            {
                var request = r.Request.Validated.Request;
                return new CompletionEvent
                {
                    RequestId = request.RequestId,
                    PlayerLookup = request.PlayerLookup,
                    GameDate = request.GameDate,
                    GameId = request.GameId,
                    SystemsSucceeded = r.SystemsSucceeded,
                    SystemsFailed = r.SystemsFailed,
                    PredictionsWritten = r.Rows.Count,
                    PublishedAt = publishedAt,
                };
            }).ToArray();
            var started = Stopwatch.GetTimestamp();
            await publisher.PublishAsync(events, options.CancellationToken);
            observer.EventsPublished(events.Length, Stopwatch.GetElapsedTime(started));
            var ids = batch.Select(r => r.Request.Validated.Request.RequestId).ToArray();
            await source.AcknowledgeAsync(ids, options.CancellationToken);
            counters.CountCompleted(batch.Length, batch.Sum(r => r.Rows.Count));
            counters.CountAcknowledged(ids.Length);
            foreach (var r in batch)
            {
                foreach (var id in r.SystemsSucceeded) counters.CountSystem(id, succeeded: true);
                foreach (var id in r.SystemsFailed) counters.CountSystem(id, succeeded: false);
                observer.RequestCompleted(Stopwatch.GetElapsedTime(r.Request.Validated.ReceivedAt), r.Rows.Count, r.SystemsSucceeded);
            }
        }, options);
}
