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
        // One pass over the runs (every request builds one of these): which systems ran, succeeded, failed or were
        // skipped by an open circuit, and which runs opened one.
        var attempted = new List<string>(runs.Count);
        var succeeded = new List<string>(runs.Count);
        List<string>? failed = null, skipped = null, opened = null;
        string? errors = null;
        var computeSeconds = 0.0;
        foreach (var run in runs)
        {
            var result = run.Result;
            computeSeconds += run.Duration.TotalSeconds;
            if (run.TrippedBreaker) (opened ??= []).Add(result.SystemId);
            switch (result)
            {
                case SystemPrediction:
                    succeeded.Add(result.SystemId);
                    break;
                case SystemFailure { Reason: FailureReason.CircuitOpen }:
                    (skipped ??= []).Add(result.SystemId);
                    break;
                case SystemFailure failure:
                    (failed ??= []).Add(failure.SystemId);
                    errors = (errors is null ? "" : errors + "; ") + $"{failure.SystemId}: {failure.Message}";
                    break;
            }
        }
        foreach (var run in runs)
        {
            var id = run.Result.SystemId;
            if (skipped?.Contains(id) != true && !attempted.Contains(id)) attempted.Add(id);
        }
        return Base(request, now) with
        {
            SystemsAttempted = attempted,
            SystemsSucceeded = succeeded,
            SystemsFailed = failed ?? [],
            SystemsSkipped = skipped ?? [],
            CircuitsOpened = opened ?? [],
            PredictionComputeSeconds = computeSeconds,
            ErrorMessage = errors,
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
