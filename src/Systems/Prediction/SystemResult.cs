namespace StreamProcessor.Systems.Prediction;

/// <summary>What a system returns: a <see cref="SystemPrediction"/> or a <see cref="SystemFailure"/>.</summary>
public abstract record SystemResult
{
    public required string SystemId { get; init; }
}

/// <summary>A successful prediction. Confidence is always on the 0-100 scale.</summary>
public sealed record SystemPrediction : SystemResult
{
    public required double PredictedPoints { get; init; }

    /// <summary>0-100.</summary>
    public required double Confidence { get; init; }

    /// <summary>The system's own spread of outcomes around its prediction, in points (used for P(over)).</summary>
    public double? ExpectedError { get; init; }

    public SimilarityDetails? Similarity { get; init; }

    /// <summary>For an ensemble: the base systems it combined.</summary>
    public IReadOnlyList<string>? CombinedSystems { get; init; }

    /// <summary>For a learned model: which model produced it (name, training range).</summary>
    public string? ModelVersion { get; init; }
}

public sealed record SimilarityDetails(double Baseline, int SimilarGamesCount, double AverageSimilarity);

/// <summary>A typed refusal to predict, with a stable reason code for dead letters and metrics.</summary>
public sealed record SystemFailure : SystemResult
{
    public required FailureReason Reason { get; init; }
    public required string Message { get; init; }
}
