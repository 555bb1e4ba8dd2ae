namespace StreamProcessor.Systems.Prediction.Systems.Ensemble;

/// <summary>Settings of <see cref="EnsembleSystem"/>.</summary>
public sealed record EnsembleOptions
{
    /// <summary>Fewer successful base systems than this is a failure (insufficient systems). Default 2.</summary>
    public int MinSystems { get; init; } = 2;

    /// <summary>
    /// Multiplier on each base system's confidence weight, by system id; a system not listed gets 1.0,
    /// and 0 leaves a system out. Empty by default, so that learned weights can be configured later.
    /// </summary>
    public IReadOnlyDictionary<string, double> SystemWeights { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// Spread of the base predictions, in points, at which the combined confidence is halved
    /// (confidence × 1 / (1 + spread / scale)). Default 5.
    /// </summary>
    public double DisagreementScalePoints { get; init; } = 5;

    internal void Validate()
    {
        if (MinSystems < 1)
            throw new ArgumentOutOfRangeException(nameof(MinSystems), MinSystems, "must be at least 1");
        if (!(DisagreementScalePoints > 0))
            throw new ArgumentOutOfRangeException(nameof(DisagreementScalePoints), DisagreementScalePoints, "must be positive");
        foreach (var (system, weight) in SystemWeights)
            if (!(weight >= 0) || double.IsInfinity(weight))
                throw new ArgumentOutOfRangeException(nameof(SystemWeights), weight, $"weight of {system} must be finite and non-negative");
    }
}
