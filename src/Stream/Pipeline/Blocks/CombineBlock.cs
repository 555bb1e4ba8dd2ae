using System.Threading.Tasks.Dataflow;
using StreamProcessor.Stream.Pipeline.Messages;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Resilience.CircuitBreaker;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>Runs the systems that combine others (the ensemble), behind their breakers, over each request's successful base predictions.</summary>
internal static class CombineBlock
{
    public static TransformBlock<RequestOutcome, RequestOutcome> Create(
        IReadOnlyList<IPredictionSystem> combiners, SystemBreakers? breakers, IPipelineObserver observer, ExecutionDataflowBlockOptions options) =>
        new(outcome =>
        {
            if (combiners.Count == 0) return outcome;
            var successes = outcome.Runs.Select(r => r.Result).OfType<SystemPrediction>().ToArray();
            var runs = outcome.Runs.ToList();
            foreach (var combiner in combiners)
                runs.Add(SystemBlock.Run(combiner, SystemBlock.ToInput(outcome.Request, successes), breakers, observer));
            return outcome with { Runs = runs };
        }, options);
}
