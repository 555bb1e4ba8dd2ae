using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.ExecutionLog;

namespace StreamProcessor.Sinks.Predictions;

/// <summary>
/// Everything a batch of requests leaves behind once predicted: its prediction rows and system failures, the
/// completion event of each predicted request, and the execution-log row of every request (skips included).
/// </summary>
public sealed record CompletedBatch(PredictionBatch Predictions, IReadOnlyList<CompletionEvent> Events, IReadOnlyList<WorkerRun> Runs);
