using StreamProcessor.Systems.Features;

namespace StreamProcessor.Systems.Prediction.Systems.Xgboost;

/// <summary>
/// <c>xgboost_v1</c>: predicts with a trained <see cref="XgboostModel"/> (gradient-boosted regression trees
/// over the whole feature vector); predictions below 0 points are raised to 0.
/// </summary>
/// <remarks>
/// <para>Confidence = 100 × (0.4 × feature_quality_score / 100 + 0.3 × sample + 0.3 × consistency), clamped to 0-100,
/// where sample = games_played / 20 (capped at 1; 0 when unknown) and consistency = 1 − pts_std_last10 / max(prediction, 1)
/// (clamped to 0-1; 0.5 when unknown): a model fed many imputed features, or asked about a volatile scorer, is less sure.</para>
/// <para>ExpectedError = sqrt(2/π) × pts_std_last10, or the model's training MAE when the spread is unknown; at least 1 point.</para>
/// <para>Fails with <see cref="FailureReason.ModelUnavailable"/> without a model, or when the features are of another
/// feature version than the model was trained on.</para>
/// </remarks>
public sealed class XgboostSystem(XgboostModel? model) : IPredictionSystem
{
    private const double QualityShare = 0.4;
    private const double SampleShare = 0.3;
    private const double ConsistencyShare = 0.3;

    public string Id => SystemIds.Xgboost;

    public SystemResult Predict(PredictionInput input)
    {
        if (model is null)
            return Unavailable("no trained model: run `stream model train`");

        var features = input.Features;
        if (features.FeatureVersion != model.FeatureVersion)
            return Unavailable($"model {model.Version} was trained on feature version {model.FeatureVersion}, " +
                               $"but these features are {features.FeatureVersion}: run `stream model train`");

        var predicted = Math.Max(0, model.Predict(features));
        var spread = features[Feature.PointsStdLast10];
        var confidence = 100 * (QualityShare * features.QualityScore / 100
                                + SampleShare * ScoringVariability.Sample(features)
                                + ConsistencyShare * ScoringVariability.Consistency(spread, predicted));

        return new SystemPrediction
        {
            SystemId = Id,
            PredictedPoints = predicted,
            Confidence = ConfidenceScore.Clamp(confidence),
            ExpectedError = double.IsNaN(spread)
                ? Math.Max(ScoringVariability.MinExpectedError, model.TrainingMae)
                : ScoringVariability.ExpectedError(spread, predicted),
            ModelVersion = model.Version,
        };
    }

    private SystemFailure Unavailable(string message) =>
        new() { SystemId = Id, Reason = FailureReason.ModelUnavailable, Message = message };
}
