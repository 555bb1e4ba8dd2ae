using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Prediction;

/// <summary>
/// Turns a system's prediction into output rows, one per line value: the single place where
/// confidence is clamped to 0-100, margins are computed and OVER / UNDER / PASS is decided.
/// </summary>
public static class PredictionNormalizer
{
    public static Recommendation Recommend(double predicted, double confidence, double line, RecommendationOptions options)
    {
        var margin = predicted - line;
        if (confidence < options.MinConfidence || Math.Abs(margin) < options.MinEdgePoints) return Recommendation.Pass;
        return margin > 0 ? Recommendation.Over : Recommendation.Under;
    }

    public static IEnumerable<PredictionRow> ToRows(
        PredictionRequest request, SystemPrediction prediction, string featureVersion,
        RecommendationOptions options, DateTimeOffset createdAt)
    {
        var predicted = Math.Round(prediction.PredictedPoints, 2);
        var confidence = Math.Round(Math.Clamp(prediction.Confidence, 0, 100), 1);
        foreach (var line in request.LineValues.Distinct())
        {
            yield return new PredictionRow
            {
                PredictionId = new PredictionKey(request.PlayerLookup, request.GameDate, prediction.SystemId, line).PredictionId,
                SystemId = prediction.SystemId,
                PlayerLookup = request.PlayerLookup,
                GameDate = request.GameDate,
                GameId = request.GameId,
                PredictedPoints = predicted,
                ConfidenceScore = confidence,
                Recommendation = Recommend(predicted, confidence, line, options),
                LineValue = line,
                LineMargin = Math.Round(predicted - line, 2),
                SimilarityBaseline = prediction.Similarity?.Baseline,
                SimilarGamesCount = prediction.Similarity?.SimilarGamesCount,
                AvgSimilarityScore = prediction.Similarity?.AverageSimilarity,
                EnsembleSystems = prediction.CombinedSystems is { } used ? string.Join(',', used) : null,
                ModelVersion = prediction.ModelVersion,
                FeatureVersion = featureVersion,
                RequestId = request.RequestId,
                CreatedAt = createdAt,
            };
        }
    }
}
