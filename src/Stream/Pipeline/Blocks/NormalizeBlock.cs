using System.Threading.Tasks.Dataflow;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Stream.Pipeline.Messages;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>normalize: every system's result becomes output rows (one per line) or a system-level dead letter (a failure or a skip).</summary>
internal static class NormalizeBlock
{
    public static TransformBlock<RequestOutcome, RequestPredictions> Create(
        RecommendationOptions recommendation, TimeProvider clock, ExecutionDataflowBlockOptions options) =>
        new(outcome =>
        {
            var request = outcome.Request.Validated.Request;
            var features = outcome.Request.Features.Features;
            var createdAt = clock.GetUtcNow();
            var rows = new List<PredictionRow>();
            var failures = new List<DeadLetter>();
            foreach (var run in outcome.Runs)
            {
                switch (run.Result)
                {
                    case SystemPrediction prediction:
                        rows.AddRange(PredictionNormalizer.ToRows(request, prediction, features.FeatureVersion, recommendation, createdAt));
                        break;
                    case SystemFailure failure:
                        failures.Add(new DeadLetter
                        {
                            RequestId = request.RequestId,
                            SystemId = failure.SystemId,
                            ReasonCode = failure.Reason.Code(),
                            Message = failure.Message,
                            PlayerLookup = request.PlayerLookup,
                            GameDate = request.GameDate,
                            CreatedAt = createdAt,
                        });
                        break;
                }
            }
            return new RequestPredictions(outcome.Request.Validated, rows, failures, WorkerRuns.Predicted(outcome.Request, outcome.Runs, createdAt));
        }, options);
}
