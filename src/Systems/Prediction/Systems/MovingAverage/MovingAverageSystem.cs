using StreamProcessor.Systems.Features;

namespace StreamProcessor.Systems.Prediction.Systems.MovingAverage;

/// <summary>
/// <c>moving_average</c>: a weighted average of the last-5, last-10 and season points averages
/// (weights renormalised over the averages present), multiplied by a rest adjustment
/// (back-to-back, or rested) and a venue adjustment (home or away).
/// </summary>
/// <remarks>
/// <para>Confidence = 100 × (0.5 × sample + 0.5 × consistency), clamped to 0-100, where
/// sample = games_played / 20 (capped at 1; 0 when unknown) and
/// consistency = 1 − pts_std_last10 / max(weighted average, 1) (clamped to 0-1; 0.5 when the spread is unknown).</para>
/// <para>ExpectedError = sqrt(2/π) × pts_std_last10 (the mean absolute deviation of a normal spread),
/// or 30 % of the prediction when the spread is unknown; at least 1 point.</para>
/// <para>Fails with <see cref="FailureReason.MissingFeatures"/> when no points average is present (no games yet).</para>
/// </remarks>
public sealed class MovingAverageSystem : IPredictionSystem
{
    private const double SampleShare = 0.5;
    private const double ConsistencyShare = 0.5;

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
        double weightedSum = 0, weightSum = 0;
        foreach (var (feature, weight) in new[]
                 {
                     (Feature.PointsAvgLast5, _options.Last5Weight),
                     (Feature.PointsAvgLast10, _options.Last10Weight),
                     (Feature.PointsAvgSeason, _options.SeasonWeight),
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
                Message = $"no weighted points average: {Feature.PointsAvgLast5.ColumnName()}, {Feature.PointsAvgLast10.ColumnName()} " +
                          $"and {Feature.PointsAvgSeason.ColumnName()} are missing or weighted 0 (no games played yet?)",
            };

        var average = weightedSum / weightSum;
        var predicted = average * (1 + RestAdjustment(features)) * (1 + VenueAdjustment(features));
        var spread = features[Feature.PointsStdLast10];
        var confidence = 100 * (SampleShare * ScoringVariability.Sample(features)
                                + ConsistencyShare * ScoringVariability.Consistency(spread, average));

        return new SystemPrediction
        {
            SystemId = Id,
            PredictedPoints = predicted,
            Confidence = ConfidenceScore.Clamp(confidence),
            ExpectedError = ScoringVariability.ExpectedError(spread, predicted),
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
