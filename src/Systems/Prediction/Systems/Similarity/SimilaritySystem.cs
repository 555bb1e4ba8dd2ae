using StreamProcessor.Systems.Features;

namespace StreamProcessor.Systems.Prediction.Systems.Similarity;

/// <summary>
/// <c>similarity_balanced_v1</c>: scores each of the player's earlier games (<see cref="PredictionInput.History"/>)
/// for how alike it is to tonight (opponent tier, recent form, rest bucket, home / away; weights in
/// <see cref="SimilarityOptions"/>, one step away earns half credit) and predicts the similarity-weighted
/// mean points of the games at or above <see cref="SimilarityOptions.MinSimilarity"/>.
/// </summary>
/// <remarks>
/// <para>ExpectedError = sqrt(2/π) × spread, the similarity-weighted standard deviation of the similar games' values
/// around the prediction; at least the prop's minimum (1 point). Works for every prop: the value compared is the
/// request's statistic in each earlier game.</para>
/// <para>Fails with <see cref="FailureReason.InsufficientHistory"/> when fewer than
/// <see cref="SimilarityOptions.MinSimilarGames"/> games are similar. Games dated on or after tonight are
/// ignored: they cannot be earlier games, and using them would leak the outcome.</para>
/// </remarks>
public sealed class SimilaritySystem : IPredictionSystem
{
    private readonly SimilarityOptions _options;
    private readonly SimilarityScorer _scorer;

    public SimilaritySystem(SimilarityOptions? options = null)
    {
        _options = options ?? new SimilarityOptions();
        _options.Validate();
        _scorer = new SimilarityScorer(_options);
    }

    public string Id => SystemIds.Similarity;

    public SystemResult Predict(PredictionInput input)
    {
        var features = input.Features;
        var history = input.History.Where(g => g.GameDate < features.GameDate).ToArray();
        var tonight = GameSituation.Tonight(features);

        var prop = input.Request.Prop;
        var similar = history
            .Select(g => (Points: g.ValueOf(prop), Similarity: _scorer.Score(tonight, GameSituation.Of(g))))
            .Where(g => g.Similarity >= _options.MinSimilarity)
            .ToArray();

        if (similar.Length < _options.MinSimilarGames)
            return new SystemFailure
            {
                SystemId = Id,
                Reason = FailureReason.InsufficientHistory,
                Message = $"{similar.Length} similar games (similarity >= {_options.MinSimilarity}) among {history.Length} earlier games; " +
                          $"need at least {_options.MinSimilarGames}",
            };

        var weightSum = similar.Sum(g => g.Similarity);
        var predicted = similar.Sum(g => g.Similarity * g.Points) / weightSum;
        var spread = Math.Sqrt(similar.Sum(g => g.Similarity * (g.Points - predicted) * (g.Points - predicted)) / weightSum);
        var averageSimilarity = weightSum / similar.Length;

        return new SystemPrediction
        {
            SystemId = Id,
            PredictedPoints = predicted,
            ExpectedError = ScoringVariability.ExpectedError(spread, predicted, PropStat.Of(prop).MinExpectedError),
            Similarity = new SimilarityDetails(
                Baseline: history.Average(g => g.ValueOf(prop)),
                SimilarGamesCount: similar.Length,
                AverageSimilarity: averageSimilarity),
        };
    }
}
