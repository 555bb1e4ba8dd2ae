namespace StreamProcessor.Systems.Prediction.Systems.Ensemble;

/// <summary>Settings of <see cref="EnsembleSystem"/>.</summary>
public sealed record EnsembleOptions
{
    /// <summary>Fewer successful base systems than this is a failure (insufficient systems). Default 2.</summary>
    public int MinSystems { get; init; } = 2;

    /// <summary>
    /// Optional multiplier on each base system's learned weight, by system id; a system not listed gets 1.0,
    /// and 0 leaves a system out. Empty by default: the weights fitted by <c>model train</c> are used as they are.
    /// </summary>
    public IReadOnlyDictionary<string, double> SystemWeights { get; init; } = new Dictionary<string, double>();

    internal void Validate()
    {
        if (MinSystems < 1)
            throw new ArgumentOutOfRangeException(nameof(MinSystems), MinSystems, "must be at least 1");
        foreach (var (system, weight) in SystemWeights)
            if (!(weight >= 0) || double.IsInfinity(weight))
                throw new ArgumentOutOfRangeException(nameof(SystemWeights), weight, $"weight of {system} must be finite and non-negative");
    }
}
