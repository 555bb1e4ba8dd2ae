using System.Diagnostics;
using System.Threading.Tasks.Dataflow;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.Features;
using StreamProcessor.Stream.Pipeline.Messages;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Validation;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>feature-load: one feature-store read per batch of requests; a request without features is dead-lettered.</summary>
internal static class FeatureLoadBlock
{
    public static TransformManyBlock<ValidatedRequest[], PendingRequest> Create(
        IFeatureStore store, ITargetBlock<DeadLetter> deadLetters, IPipelineObserver observer, ExecutionDataflowBlockOptions options)
    {
        return new TransformManyBlock<ValidatedRequest[], PendingRequest>(async batch =>
        {
            var keys = batch.Select(v => v.Request.Key).Distinct().ToArray();
            var started = Stopwatch.GetTimestamp();
            var records = await store.LoadAsync(keys, options.CancellationToken);
            observer.FeaturesLoaded(batch.Length, Stopwatch.GetElapsedTime(started));
            var pending = new List<PendingRequest>(batch.Length);
            foreach (var validated in batch)
            {
                if (records.TryGetValue(validated.Request.Key, out var record))
                {
                    pending.Add(new PendingRequest(validated, record));
                    continue;
                }
                await deadLetters.SendAsync(new DeadLetter
                {
                    RequestId = validated.Request.RequestId,
                    ReasonCode = RejectReasons.NoFeatures,
                    Message = $"no feature row for {validated.Request.Key}: unknown player, or a date whose features were not built",
                    PlayerLookup = validated.Request.PlayerLookup,
                    GameDate = validated.Request.GameDate,
                    RawPayload = validated.RawPayload,
                });
            }
            return pending;
        }, options);
    }
}
