using StreamProcessor.Systems.Features;

namespace StreamProcessor.Systems.Prediction.Systems.MovingAverage;

/// <summary>
/// <c>moving_average</c>: a weighted average of the prop's last-5, last-10 and season averages
/// (weights renormalised over the averages present), multiplied by a rest adjustment
/// (back-to-back, or rested) and a venue adjustment (home or away).
/// </summary>
/// <remarks>
/// <para>ExpectedError = sqrt(2/π) × the prop's std over the last 10 games (the mean absolute deviation of a normal spread),
/// or 30 % of the prediction when the spread is unknown; at least the prop's minimum (1 point).</para>
/// <para>Fails with <see cref="FailureReason.MissingFeatures"/> when no points average is present (no games yet).</para>
/// </remarks>
public sealed class MovingAverageSystem : IPredictionSystem
{
    private readonly MovingAverageOptions _options;

    public MovingAverageSystem(MovingAverageOptions? options = null)
    {
        _options = options ?? new MovingAverageOptions();
        _options.Validate();
    }

    public string Id => SystemIds.MovingAverage;

    public SystemResult Predict(PredictionInput input)
    {
        var features = input.Features;
        var stat = PropStat.Of(input.Request.Prop);
        double weightedSum = 0, weightSum = 0;
        foreach (var (feature, weight) in new[]
                 {
                     (stat.Last5, _options.Last5Weight),
                     (stat.Last10, _options.Last10Weight),
                     (stat.Season, _options.SeasonWeight),
                 })
        {
            if (!features.Has(feature) || weight <= 0) continue;
            weightedSum += weight * features[feature];
            weightSum += weight;
        }

        if (weightSum <= 0)
            return new SystemFailure
            {
                SystemId = Id,
                Reason = FailureReason.MissingFeatures,
                Message = $"no weighted average: {stat.Last5.ColumnName()}, {stat.Last10.ColumnName()} " +
                          $"and {stat.Season.ColumnName()} are missing or weighted 0 (no games played yet?)",
            };

        var average = weightedSum / weightSum;
        var predicted = average * (1 + RestAdjustment(features)) * (1 + VenueAdjustment(features));
        return new SystemPrediction
        {
            SystemId = Id,
            PredictedPoints = predicted,
            ExpectedError = ScoringVariability.ExpectedError(features[stat.StdLast10], predicted, stat.MinExpectedError),
        };
    }

    private double RestAdjustment(PlayerFeatures features)
    {
        // back_to_back is the direct fact; days_rest is the fallback when only it is known.
        var backToBack = features.Has(Feature.BackToBack)
            ? features[Feature.BackToBack] >= 0.5
            : features.Has(Feature.DaysRest) && features[Feature.DaysRest] <= 1;
        if (backToBack) return _options.BackToBackAdjustment;
        return features.DaysRest >= _options.RestedMinDays ? _options.RestedAdjustment : 0;
    }

    private double VenueAdjustment(PlayerFeatures features) =>
        !features.Has(Feature.Home) ? 0
        : features.IsHome ? _options.HomeAdjustment
        : _options.AwayAdjustment;
}
