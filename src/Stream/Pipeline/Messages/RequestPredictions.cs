using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Pipeline.Messages;

/// <summary>
/// A request's output rows and system-level dead letters (written together), and its execution-log row,
/// completed with write and publish times on the way out. A skipped request has no rows and a skip reason.
/// </summary>
internal sealed record RequestPredictions(
    PendingRequest Request,
    IReadOnlyList<PredictionRow> Rows,
    IReadOnlyList<DeadLetter> SystemFailures,
    WorkerRun Run)
{
    public string RequestId => Request.Validated.Request.RequestId;
}
