using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Prediction;

/// <summary>
/// Turns a system's prediction into output rows, one per line value: the single place where the probability and
/// confidence at each line are computed, margins are rounded and OVER / UNDER / PASS is decided.
/// </summary>
public static class PredictionNormalizer
{
    /// <summary>OVER when predicted − line ≥ the prop's min edge and P(over) ≥ min probability; UNDER mirrored; else PASS.</summary>
    public static Recommendation Recommend(double predicted, double probabilityOver, double line, PropType prop, RecommendationOptions options)
    {
        var margin = predicted - line;
        var edge = options.MinEdge(prop);
        if (margin >= edge && probabilityOver >= options.MinProbability) return Recommendation.Over;
        if (-margin >= edge && 1 - probabilityOver >= options.MinProbability) return Recommendation.Under;
        return Recommendation.Pass;
    }

    public static IEnumerable<PredictionRow> ToRows(
        PredictionRequest request, SystemPrediction prediction, string featureVersion,
        RecommendationOptions options, DateTimeOffset createdAt)
    {
        var predicted = Math.Round(prediction.PredictedPoints, 2);
        foreach (var line in request.LineValues.Distinct())
        {
            var probability = prediction.ProbabilityOver(line);
            yield return new PredictionRow
            {
                PredictionId = new PredictionKey(request.PlayerLookup, request.GameDate, prediction.SystemId, line, request.Prop).PredictionId,
                SystemId = prediction.SystemId,
                PlayerLookup = request.PlayerLookup,
                GameDate = request.GameDate,
                GameId = request.GameId,
                PropType = request.Prop,
                PredictedPoints = predicted,
                ProbabilityOver = Math.Round(probability, 4),
                ConfidenceScore = Math.Round(Probability.OverProbability.Confidence(probability), 1),
                Recommendation = Recommend(prediction.PredictedPoints, probability, line, request.Prop, options),
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
