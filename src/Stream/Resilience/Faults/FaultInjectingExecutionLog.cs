using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Resilience.Faults;

/// <summary>Wraps the execution log so that its smart-skip lookups fail (its writes are the sink's business, not a read).</summary>
public sealed class FaultInjectingExecutionLog(IExecutionLog inner, ReadFaultOptions faults) : IExecutionLog
{
    private readonly ReadFaults _faults = new("execution-log lookup", faults);

    public Task WriteAsync(IReadOnlyList<WorkerRun> runs, CancellationToken cancellationToken) => inner.WriteAsync(runs, cancellationToken);

    public Task<IReadOnlySet<ProcessedRequest>> ProcessedAsync(IReadOnlyCollection<PlayerDate> keys, CancellationToken cancellationToken)
    {
        _faults.ThrowIfFaulty();
        return inner.ProcessedAsync(keys, cancellationToken);
    }
}
