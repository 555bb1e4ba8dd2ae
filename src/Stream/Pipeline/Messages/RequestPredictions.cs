using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Pipeline.Messages;

/// <summary>A request's output rows and system failures, written together.</summary>
internal sealed record RequestPredictions(
    PendingRequest Request,
    IReadOnlyList<PredictionRow> Rows,
    IReadOnlyList<DeadLetter> SystemFailures,
    IReadOnlyList<string> SystemsSucceeded,
    IReadOnlyList<string> SystemsFailed);
