using System.Diagnostics;
using System.Threading.Tasks.Dataflow;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Features;
using StreamProcessor.Stream.Pipeline.Messages;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Resilience.Retry;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Stream.Validation;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>
/// feature-load: one feature-store read per batch of requests. A request without features, or with stale
/// ones, is dead-lettered; one already predicted with the same features ends here as a skip (smart skip).
/// Both reads retry transient failures like the writes do; a batch whose read still fails is handed back to its
/// source unacknowledged (to be delivered again), and the pipeline goes on with the next batch.
/// </summary>
internal static class FeatureLoadBlock
{
    public static TransformManyBlock<ValidatedRequest[], PendingRequest> Create(
        PipelineDependencies dependencies, IRequestSource source, IPipelineObserver observer, ITargetBlock<DeadLetter> deadLetters,
        ITargetBlock<RequestPredictions> skipped, RequestsOnTheirWay onTheirWay, ExecutionDataflowBlockOptions options)
    {
        var maxAge = dependencies.Validation.MaxFeatureAgeHours > 0 ? TimeSpan.FromHours(dependencies.Validation.MaxFeatureAgeHours) : (TimeSpan?)null;
        return new TransformManyBlock<ValidatedRequest[], PendingRequest>(async batch =>
        {
            var keys = batch.Select(v => v.Request.Key).Distinct().ToArray();
            var started = Stopwatch.GetTimestamp();
            IReadOnlyDictionary<PlayerDate, FeatureRecord> records;
            IReadOnlySet<ProcessedRequest> processed;
            var operation = "feature_load";
            try
            {
                records = await dependencies.SinkRetry.ExecuteAsync(operation, observer, ct => dependencies.FeatureStore.LoadAsync(keys, ct), options.CancellationToken);
                operation = "execution_log_read";
                processed = dependencies.SkipAlreadyProcessed
                    ? await dependencies.SinkRetry.ExecuteAsync(operation, observer, ct => dependencies.ExecutionLog.ProcessedAsync(keys, ct), options.CancellationToken)
                    : new HashSet<ProcessedRequest>();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                observer.OperationFailed(operation, e);
                await HandBack.BatchAsync(source, batch.Select(v => v.Request.RequestId).ToArray(), "read", e, observer);
                return [];
            }
            var dataLoad = Stopwatch.GetElapsedTime(started);
            dependencies.Observer.FeaturesLoaded(batch.Length, dataLoad);
            var now = dependencies.Clock.GetUtcNow();
            var pending = new List<PendingRequest>(batch.Length);
            var alreadyProcessed = new List<RequestPredictions>();
            foreach (var validated in batch)
            {
                var request = validated.Request;
                if (!records.TryGetValue(request.Key, out var record))
                {
                    await deadLetters.SendAsync(DeadLetterFor(validated, RejectReasons.NoFeatures,
                        $"no feature row for {request.Key}: unknown player, or a date whose features were not built"));
                    continue;
                }
                if (maxAge is { } limit && now - record.ComputedAt > limit)
                {
                    await deadLetters.SendAsync(DeadLetterFor(validated, RejectReasons.StaleFeatures,
                        $"the feature row for {request.Key} was computed {(now - record.ComputedAt).TotalHours:F0} h ago; the limit is {limit.TotalHours:F0} h: rebuild features"));
                    continue;
                }
                var item = new PendingRequest(validated, record, dataLoad, dependencies.ModelVersions.GetValueOrDefault(request.Prop));
                if (processed.Contains(new ProcessedRequest(request.Key, request.Prop, ProcessedRequest.LinesKey(request.LineValues),
                        record.Features.FeatureVersion, item.ModelVersion)))
                {
                    alreadyProcessed.Add(new RequestPredictions(item.Validated, [], [], WorkerRuns.Skipped(item, RejectReasons.AlreadyProcessed, now)));
                    continue;
                }
                pending.Add(item);
            }
            // Counted before any is let through, so the write batch never sees the way empty while some are still on it.
            onTheirWay.LetThrough(pending.Count + alreadyProcessed.Count);
            foreach (var skip in alreadyProcessed) await skipped.SendAsync(skip);
            return pending;
        }, options);
    }

    private static DeadLetter DeadLetterFor(ValidatedRequest validated, string reason, string message) => new()
    {
        RequestId = validated.Request.RequestId,
        ReasonCode = reason,
        Message = message,
        PlayerLookup = validated.Request.PlayerLookup,
        GameDate = validated.Request.GameDate,
        RawPayload = validated.RawPayload,
    };
}
