using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;

namespace StreamProcessor.Systems.Prediction;

/// <summary>Everything a system may use to predict one request: values only, no I/O.</summary>
public sealed record PredictionInput
{
    public required PredictionRequest Request { get; init; }
    public required PlayerFeatures Features { get; init; }

    /// <summary>The player's earlier games (most recent first), at most 30 within 90 days.</summary>
    public IReadOnlyList<HistoricalGame> History { get; init; } = [];

    /// <summary>Successful predictions of the base systems, for systems that combine them.</summary>
    public IReadOnlyList<SystemPrediction> BasePredictions { get; init; } = [];
}
