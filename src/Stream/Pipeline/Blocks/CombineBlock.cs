using System.Threading.Tasks.Dataflow;
using StreamProcessor.Stream.Pipeline.Messages;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>Runs the systems that combine others (the ensemble) over each request's successful base predictions.</summary>
internal static class CombineBlock
{
    public static TransformBlock<RequestOutcome, RequestOutcome> Create(IReadOnlyList<IPredictionSystem> combiners, IPipelineObserver observer, ExecutionDataflowBlockOptions options) =>
        new(outcome =>
        {
            if (combiners.Count == 0) return outcome;
            var successes = outcome.Results.OfType<SystemPrediction>().ToArray();
            var results = outcome.Results.ToList();
            foreach (var combiner in combiners)
                results.Add(SystemBlock.PredictObserved(combiner, SystemBlock.ToInput(outcome.Request, successes), observer));
            return outcome with { Results = results };
        }, options);
}
