using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;

namespace StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

/// <summary>
/// <c>xgboost_v1</c>: predicts with the trained <see cref="BoostedTreesModel"/> of the request's prop (gradient-boosted
/// regression trees over the whole feature vector); predictions below 0 are raised to 0.
/// </summary>
/// <remarks>
/// <para>ExpectedError = sqrt(2/π) × the prop's std over the last 10 games, or the model's training MAE when the spread
/// is unknown; at least the prop's minimum (1 point).</para>
/// <para>Fails with <see cref="FailureReason.ModelUnavailable"/> without a model for the prop, or when the features are of
/// another feature version than the model was trained on.</para>
/// </remarks>
public sealed class BoostedTreesSystem : IPredictionSystem
{
    private readonly IReadOnlyDictionary<PropType, BoostedTreesModel> _models;

    /// <summary>One model for points (or none).</summary>
    public BoostedTreesSystem(BoostedTreesModel? model) : this(model is null ? [] : [model]) { }

    /// <summary>One model per prop; a prop without one fails with model_unavailable.</summary>
    public BoostedTreesSystem(IEnumerable<BoostedTreesModel> models) =>
        _models = models.GroupBy(m => m.Prop).ToDictionary(g => g.Key, g => g.Last());

    public string Id => SystemIds.Xgboost;

    public SystemResult Predict(PredictionInput input)
    {
        if (!_models.TryGetValue(input.Request.Prop, out var model))
            return Unavailable($"no trained {input.Request.Prop.Code()} model: run `stream model train`");

        var features = input.Features;
        if (features.FeatureVersion != model.FeatureVersion)
            return Unavailable($"model {model.Version} was trained on feature version {model.FeatureVersion}, " +
                               $"but these features are {features.FeatureVersion}: run `stream model train`");

        var predicted = Math.Max(0, model.Predict(features));
        var stat = PropStat.Of(input.Request.Prop);
        var spread = features[stat.StdLast10];

        return new SystemPrediction
        {
            SystemId = Id,
            PredictedPoints = predicted,
            ExpectedError = double.IsNaN(spread)
                ? Math.Max(stat.MinExpectedError, model.TrainingMae)
                : ScoringVariability.ExpectedError(spread, predicted, stat.MinExpectedError),
            ModelVersion = model.Version,
        };
    }

    private SystemFailure Unavailable(string message) =>
        new() { SystemId = Id, Reason = FailureReason.ModelUnavailable, Message = message };
}
