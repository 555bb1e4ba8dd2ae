namespace StreamProcessor.Systems.Prediction.Systems.Ensemble;

/// <summary>
/// <c>ensemble_v1</c>: the confidence-weighted average of the base systems' predictions
/// (<see cref="PredictionInput.BasePredictions"/>). Each base system i gets weight
/// w_i = m_i × c_i, its configured multiplier times its 0-100 confidence; when every such weight is 0,
/// the multipliers alone are used. Systems with multiplier 0 or a non-finite prediction are left out, and a system
/// that appears twice counts once (its first prediction).
/// </summary>
/// <remarks>
/// <para>Confidence = (Σ w_i c_i / Σ w_i) × 1 / (1 + spread / <see cref="EnsembleOptions.DisagreementScalePoints"/>),
/// clamped to 0-100, where spread = sqrt(Σ w_i (p_i − p)² / Σ w_i) is the weighted standard deviation of the
/// base predictions around the ensemble prediction p: systems that agree keep their confidence, systems that
/// disagree by 5 points (default) halve it.</para>
/// <para>ExpectedError = sqrt(e² + (sqrt(2/π) × spread)²), where e is the weighted mean of the base systems'
/// expected errors (those that report one): the disagreement is treated as extra uncertainty. Null when no
/// base system reports an expected error.</para>
/// <para>Fails with <see cref="FailureReason.InsufficientSystems"/> when fewer than
/// <see cref="EnsembleOptions.MinSystems"/> base systems are usable.</para>
/// </remarks>
public sealed class EnsembleSystem : IPredictionSystem
{
    private readonly EnsembleOptions _options;
    private readonly Dictionary<string, double> _multipliers;

    public EnsembleSystem(EnsembleOptions? options = null)
    {
        _options = options ?? new EnsembleOptions();
        _options.Validate();
        _multipliers = new Dictionary<string, double>(_options.SystemWeights, StringComparer.Ordinal);
    }

    public string Id => SystemIds.Ensemble;

    public bool CombinesOtherSystems => true;

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

        var confidences = usable.Select(p => ConfidenceScore.Clamp(p.Confidence)).ToArray();
        var weights = usable.Select((p, i) => Multiplier(p.SystemId) * confidences[i]).ToArray();
        if (weights.Sum() <= 0)
            weights = usable.Select(p => Multiplier(p.SystemId)).ToArray();
        var weightSum = weights.Sum();

        var predicted = WeightedMean(weights, i => usable[i].PredictedPoints);
        var spread = Math.Sqrt(WeightedMean(weights, i => Math.Pow(usable[i].PredictedPoints - predicted, 2)));
        var meanConfidence = WeightedMean(weights, i => confidences[i]);
        var agreement = 1 / (1 + spread / _options.DisagreementScalePoints);

        return new SystemPrediction
        {
            SystemId = Id,
            PredictedPoints = predicted,
            Confidence = ConfidenceScore.Clamp(meanConfidence * agreement),
            ExpectedError = ExpectedError(usable, weights, spread),
            CombinedSystems = usable.Select(p => p.SystemId).Order(StringComparer.Ordinal).ToArray(),
        };

        double WeightedMean(double[] w, Func<int, double> value)
        {
            double sum = 0;
            for (var i = 0; i < w.Length; i++) sum += w[i] * value(i);
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
