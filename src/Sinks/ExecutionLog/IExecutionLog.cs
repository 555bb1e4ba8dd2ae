using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Sinks.ExecutionLog;

/// <summary>The execution-log seam: one row per request, and the lookup smart skip uses.</summary>
public interface IExecutionLog
{
    /// <summary>Records runs; a request's row is rewritten when it is processed again, but never by a mere skip.</summary>
    Task WriteAsync(IReadOnlyList<WorkerRun> runs, CancellationToken cancellationToken);

    /// <summary>The successful, non-skipped runs for these players and dates (one read for the batch).</summary>
    Task<IReadOnlySet<ProcessedRequest>> ProcessedAsync(IReadOnlyCollection<PlayerDate> keys, CancellationToken cancellationToken);
}
