using System.Threading.Tasks.Dataflow;
using StreamProcessor.Stream.Pipeline.Messages;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>
/// Gathers the base systems' runs of each request, in whatever order they arrive, and emits the request
/// once all of them are in. Keyed by the run's sequence number, so a redelivered duplicate of a request
/// in flight is joined separately, never mixed with the first.
/// </summary>
internal static class JoinBySequenceBlock
{
    public static TransformManyBlock<SystemOutcome, RequestOutcome> Create(IReadOnlyList<string> systemOrder, ExecutionDataflowBlockOptions options)
    {
        var waiting = new Dictionary<long, List<SystemOutcome>>();
        return new TransformManyBlock<SystemOutcome, RequestOutcome>(outcome =>
        {
            if (!waiting.TryGetValue(outcome.Request.Sequence, out var gathered))
                waiting[outcome.Request.Sequence] = gathered = new List<SystemOutcome>(systemOrder.Count);
            gathered.Add(outcome);
            if (gathered.Count < systemOrder.Count) return [];
            waiting.Remove(outcome.Request.Sequence);
            IReadOnlyList<SystemRun> runs = gathered
                .OrderBy(o => IndexOf(systemOrder, o.Run.Result.SystemId))
                .Select(o => o.Run).ToArray();
            return [new RequestOutcome(outcome.Request, runs)];
        }, new ExecutionDataflowBlockOptions
        {
            BoundedCapacity = options.BoundedCapacity,
            CancellationToken = options.CancellationToken,
            MaxDegreeOfParallelism = 1, // the dictionary is this block's private state
        });
    }

    private static int IndexOf(IReadOnlyList<string> order, string id)
    {
        for (var i = 0; i < order.Count; i++) if (order[i] == id) return i;
        return order.Count;
    }
}
