using System.Diagnostics;
using System.Threading.Tasks.Dataflow;
using StreamProcessor.Stream.Pipeline.Messages;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>One base prediction system. A system that throws yields a SystemFailure; it never faults the pipeline.</summary>
internal static class SystemBlock
{
    public static TransformBlock<PendingRequest, SystemOutcome> Create(IPredictionSystem system, IPipelineObserver observer, ExecutionDataflowBlockOptions options) =>
        new(request => new SystemOutcome(request, PredictObserved(system, ToInput(request, []), observer)), options);

    public static SystemResult PredictObserved(IPredictionSystem system, PredictionInput input, IPipelineObserver observer)
    {
        var started = Stopwatch.GetTimestamp();
        var result = PredictSafely(system, input);
        var failure = result as SystemFailure;
        observer.SystemFinished(system.Id, failure is null ? SystemOutcomeKind.Succeeded : SystemOutcomeKind.Failed,
            failure?.Reason.Code(), Stopwatch.GetElapsedTime(started));
        return result;
    }

    public static PredictionInput ToInput(PendingRequest request, IReadOnlyList<SystemPrediction> basePredictions) => new()
    {
        Request = request.Validated.Request,
        Features = request.Features.Features,
        History = request.Features.History,
        BasePredictions = basePredictions,
    };

    public static SystemResult PredictSafely(IPredictionSystem system, PredictionInput input)
    {
        try
        {
            return system.Predict(input);
        }
        catch (Exception e)
        {
            return new SystemFailure
            {
                SystemId = system.Id,
                Reason = FailureReason.SystemError,
                Message = $"{e.GetType().Name}: {e.Message}",
            };
        }
    }
}
