using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Pipeline.Messages;

/// <summary>
/// A request's output rows and system-level dead letters (written together), and its execution-log row,
/// completed with write and publish times on the way out. A skipped request has no rows and a skip reason.
/// It keeps the validated request, not its features: a write batch holds thousands of these, and each request's
/// game history is needed only until its predictions are made.
/// </summary>
internal sealed record RequestPredictions(
    ValidatedRequest Request,
    IReadOnlyList<PredictionRow> Rows,
    IReadOnlyList<DeadLetter> SystemFailures,
    WorkerRun Run)
{
    public string RequestId => Request.Request.RequestId;
}
