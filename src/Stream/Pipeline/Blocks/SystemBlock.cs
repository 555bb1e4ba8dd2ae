using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks.Dataflow;
using StreamProcessor.Stream.Pipeline.Messages;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Resilience.CircuitBreaker;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>
/// One base prediction system behind its circuit breakers. A system that throws, or returns a number that is not
/// finite, yields a SystemFailure; an open breaker yields a circuit_open skip. Neither ever faults the pipeline.
/// </summary>
internal static class SystemBlock
{
    public static TransformBlock<PendingRequest, SystemOutcome> Create(
        IPredictionSystem system, SystemBreakers? breakers, IPipelineObserver observer, ExecutionDataflowBlockOptions options) =>
        new(request => new SystemOutcome(request, Run(system, ToInput(request, []), breakers, observer)), options);

    public static PredictionInput ToInput(PendingRequest request, IReadOnlyList<SystemPrediction> basePredictions) => new()
    {
        Request = request.Validated.Request,
        Features = request.Features.Features,
        History = request.Features.History,
        BasePredictions = basePredictions,
    };

    public static SystemRun Run(IPredictionSystem system, PredictionInput input, SystemBreakers? breakers, IPipelineObserver observer)
    {
        var started = Stopwatch.GetTimestamp();
        var (result, tripped) = breakers is null
            ? (PredictSafely(system, input), false)
            : breakers.Execute(system, input.Request.Prop, () => PredictSafely(system, input));
        var duration = Stopwatch.GetElapsedTime(started);
        var failure = result as SystemFailure;
        var kind = failure is null ? SystemOutcomeKind.Succeeded
            : failure.Reason == FailureReason.CircuitOpen ? SystemOutcomeKind.Skipped
            : SystemOutcomeKind.Failed;
        observer.SystemFinished(system.Id, kind, failure?.Reason.Code(), duration);
        return new SystemRun(result, tripped, duration);
    }

    public static SystemResult PredictSafely(IPredictionSystem system, PredictionInput input)
    {
        try
        {
            var result = system.Predict(input);
            return result is SystemPrediction { PredictedPoints: var value, ExpectedError: var error }
                   && (!double.IsFinite(value) || error is { } spread && !double.IsFinite(spread))
                ? new SystemFailure
                {
                    SystemId = system.Id,
                    Reason = FailureReason.InvalidOutput,
                    Message = $"predicted {value.ToString(CultureInfo.InvariantCulture)} with expected error {error?.ToString(CultureInfo.InvariantCulture) ?? "none"}: not a finite number, refused before writing",
                }
                : result;
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
