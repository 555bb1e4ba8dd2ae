using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Prediction.Systems.Ensemble;

/// <summary>
/// <c>ensemble_v1</c>: the weighted average of the base systems that succeeded (<see cref="PredictionInput.BasePredictions"/>),
/// with the weights learned for the request's prop on a validation slice (<see cref="EnsembleWeightFitter"/>) times the
/// configured multipliers, renormalised over the systems present. When the systems present all weigh 0 (say, the
/// learned optimum leaves them out and only they are left), they are weighed equally, so any two or more systems still
/// give a prediction. Without learned weights, every system weighs the same. A system that appears twice counts once.
/// </summary>
/// <remarks>
/// <para>ExpectedError = sqrt(e² + (sqrt(2/π) × spread)²), where e is the weighted mean of the base systems' expected
/// errors (those that report one) and spread the weighted standard deviation of their predictions: disagreement is
/// extra uncertainty. Null when no base system reports an expected error.</para>
/// <para>Fails with <see cref="FailureReason.InsufficientSystems"/> when fewer than
/// <see cref="EnsembleOptions.MinSystems"/> base systems are usable.</para>
/// </remarks>
public sealed class EnsembleSystem : IPredictionSystem
{
    private readonly EnsembleOptions _options;
    private readonly Dictionary<string, double> _multipliers;
    private readonly IReadOnlyDictionary<PropType, EnsembleWeights> _learned;

    public EnsembleSystem(EnsembleOptions? options = null, IReadOnlyDictionary<PropType, EnsembleWeights>? learned = null)
    {
        _options = options ?? new EnsembleOptions();
        _options.Validate();
        _multipliers = new Dictionary<string, double>(_options.SystemWeights, StringComparer.Ordinal);
        _learned = learned ?? new Dictionary<PropType, EnsembleWeights>();
    }

    public string Id => SystemIds.Ensemble;

    public bool CombinesOtherSystems => true;

    /// <summary>The weights in use for a prop (before the configured multipliers).</summary>
    public EnsembleWeights WeightsFor(PropType prop) => _learned.GetValueOrDefault(prop, EnsembleWeights.Equal);

    public SystemResult Predict(PredictionInput input)
    {
        var usable = input.BasePredictions
            .Where(p => p.SystemId != Id && double.IsFinite(p.PredictedPoints) && Multiplier(p.SystemId) > 0)
            .DistinctBy(p => p.SystemId) // a system's prediction passed twice is still one opinion
            .ToArray();

        if (usable.Length < _options.MinSystems)
            return new SystemFailure
            {
                SystemId = Id,
                Reason = FailureReason.InsufficientSystems,
                Message = $"{usable.Length} base system{(usable.Length == 1 ? "" : "s")} succeeded" +
                          (usable.Length > 0 ? $" ({string.Join(", ", usable.Select(p => p.SystemId))})" : "") +
                          $"; need at least {_options.MinSystems}",
            };

        var learned = WeightsFor(input.Request.Prop);
        var weights = usable.Select(p => Multiplier(p.SystemId) * learned.Of(p.SystemId)).ToArray();
        if (!(weights.Sum() > 0))
            weights = usable.Select(p => Multiplier(p.SystemId)).ToArray();
        var weightSum = weights.Sum();

        var predicted = WeightedMean(i => usable[i].PredictedPoints);
        var spread = Math.Sqrt(WeightedMean(i => Math.Pow(usable[i].PredictedPoints - predicted, 2)));

        return new SystemPrediction
        {
            SystemId = Id,
            PredictedPoints = predicted,
            ExpectedError = ExpectedError(usable, weights, spread),
            CombinedSystems = usable.Select(p => p.SystemId).Order(StringComparer.Ordinal).ToArray(),
        };

        double WeightedMean(Func<int, double> value)
        {
            double sum = 0;
            for (var i = 0; i < weights.Length; i++) sum += weights[i] * value(i);
            return sum / weightSum;
        }
    }

    private static double? ExpectedError(SystemPrediction[] usable, double[] weights, double spread)
    {
        double errorSum = 0, weightSum = 0;
        for (var i = 0; i < usable.Length; i++)
        {
            if (usable[i].ExpectedError is not { } error || !double.IsFinite(error) || weights[i] <= 0) continue;
            errorSum += weights[i] * error;
            weightSum += weights[i];
        }
        if (weightSum <= 0) return null;
        var baseError = errorSum / weightSum;
        var disagreement = ScoringVariability.MeanAbsoluteDeviationPerStd * spread;
        return Math.Sqrt(baseError * baseError + disagreement * disagreement);
    }

    private double Multiplier(string systemId) => _multipliers.GetValueOrDefault(systemId, 1.0);
}
