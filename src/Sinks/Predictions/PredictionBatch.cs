using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Sinks.Predictions;

/// <summary>
/// What one write commits together: the prediction rows of a batch of requests and the
/// system-level failures of those same requests, so neither can be written without the other.
/// </summary>
public sealed record PredictionBatch(IReadOnlyList<PredictionRow> Rows, IReadOnlyList<DeadLetter> SystemFailures);
