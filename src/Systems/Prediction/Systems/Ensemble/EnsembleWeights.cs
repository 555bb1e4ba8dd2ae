namespace StreamProcessor.Systems.Prediction.Systems.Ensemble;

/// <summary>
/// Learned weights of the base systems for one prop, fitted by <see cref="EnsembleWeightFitter"/> on a validation
/// slice. Non-negative; a system missing from the map weighs 0. <see cref="Equal"/> (no map) weighs every system the same.
/// </summary>
public sealed record EnsembleWeights(IReadOnlyDictionary<string, double> Weights)
{
    public static EnsembleWeights Equal { get; } = new(new Dictionary<string, double>());

    public bool IsEqual => Weights.Count == 0;

    public double Of(string systemId) => IsEqual ? 1 : Weights.GetValueOrDefault(systemId);
}
