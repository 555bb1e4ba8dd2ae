using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Stream.Pipeline.Messages;

namespace StreamProcessor.Stream.Pipeline;

/// <summary>What a written batch leaves besides its rows: a completion event per predicted request, a log row per request.</summary>
internal static class BatchCompletion
{
    public static CompletionEvent[] Events(IEnumerable<RequestPredictions> batch, DateTimeOffset publishedAt) =>
        batch.Where(r => r.Run.SkipReason is null).Select(r => new CompletionEvent
        {
            RequestId = r.RequestId,
            PlayerLookup = r.Run.PlayerLookup!,
            GameDate = r.Run.GameDate!.Value,
            GameId = r.Request.Request.GameId,
            PropType = r.Request.Request.Prop,
            LineValues = r.Run.LineValues,
            FeatureVersion = r.Run.FeatureVersion!,
            ModelVersion = r.Run.ModelVersion,
            SystemsSucceeded = r.Run.SystemsSucceeded,
            SystemsFailed = [.. r.Run.SystemsFailed, .. r.Run.SystemsSkipped],
            PredictionsWritten = r.Rows.Count,
            PublishedAt = publishedAt,
        }).ToArray();

    /// <summary>Each request's log row, with the batch's write and publish times on the requests that were predicted.</summary>
    public static WorkerRun[] Runs(IEnumerable<RequestPredictions> batch, TimeSpan writeTime, TimeSpan publishTime) =>
        batch.Select(r => r.Run with
        {
            WriteSeconds = r.Run.SkipReason is null ? writeTime.TotalSeconds : 0,
            PublishSeconds = r.Run.SkipReason is null ? publishTime.TotalSeconds : 0,
        }).ToArray();
}
