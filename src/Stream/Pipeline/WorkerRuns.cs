using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Stream.Pipeline.Messages;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Pipeline;

/// <summary>Builds the execution-log row of a request from what the pipeline learned about it.</summary>
internal static class WorkerRuns
{
    public static WorkerRun Predicted(PendingRequest request, IReadOnlyList<SystemRun> runs, DateTimeOffset now)
    {
        var features = request.Features.Features;
        var results = runs.Select(r => r.Result).ToArray();
        var skipped = results.OfType<SystemFailure>().Where(f => f.Reason == FailureReason.CircuitOpen).Select(f => f.SystemId).ToArray();
        return Base(request, now) with
        {
            SystemsAttempted = results.Select(r => r.SystemId).Except(skipped).ToArray(),
            SystemsSucceeded = results.OfType<SystemPrediction>().Select(p => p.SystemId).ToArray(),
            SystemsFailed = results.OfType<SystemFailure>().Where(f => f.Reason != FailureReason.CircuitOpen).Select(f => f.SystemId).ToArray(),
            SystemsSkipped = skipped,
            CircuitsOpened = runs.Where(r => r.TrippedBreaker).Select(r => r.Result.SystemId).ToArray(),
            PredictionComputeSeconds = runs.Sum(r => r.Duration.TotalSeconds),
            ErrorMessage = results.OfType<SystemFailure>().Any(f => f.Reason != FailureReason.CircuitOpen)
                ? string.Join("; ", results.OfType<SystemFailure>().Where(f => f.Reason != FailureReason.CircuitOpen).Select(f => $"{f.SystemId}: {f.Message}"))
                : null,
        };
    }

    public static WorkerRun Skipped(PendingRequest request, string reason, DateTimeOffset now) =>
        Base(request, now) with { SkipReason = reason };

    public static WorkerRun DeadLettered(DeadLetter deadLetter) => new()
    {
        RequestId = deadLetter.RequestId,
        PlayerLookup = deadLetter.PlayerLookup,
        GameDate = deadLetter.GameDate,
        ErrorMessage = $"{deadLetter.ReasonCode}: {deadLetter.Message}",
        ProcessedAt = deadLetter.CreatedAt,
        RequestedPlayerLookup = deadLetter.PlayerLookup,
    };

    private static WorkerRun Base(PendingRequest request, DateTimeOffset now)
    {
        var features = request.Features.Features;
        return new WorkerRun
        {
            RequestId = request.Validated.Request.RequestId,
            PlayerLookup = request.Validated.Request.PlayerLookup,
            RequestedPlayerLookup = request.Validated.Request.RequestedPlayerLookup,
            GameDate = request.Validated.Request.GameDate,
            Prop = request.Validated.Request.Prop,
            LineValues = request.Validated.Request.LineValues.Distinct().Order().ToArray(),
            FeatureVersion = features.FeatureVersion,
            ModelVersion = request.ModelVersion,
            FeatureQualityScore = features.QualityScore,
            MissingFeatures = features.MissingFeatures.Select(f => f.ColumnName()).ToArray(),
            DataLoadSeconds = request.DataLoad.TotalSeconds,
            ProcessedAt = now,
        };
    }
}
