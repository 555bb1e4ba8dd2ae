using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Market;

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

    /// <summary>The prices the request gave for <paramref name="line"/> (its first occurrence), or null.</summary>
    public static MarketPrice? PriceOf(PredictionRequest request, double line)
    {
        if (request.OverPrices is not { } over || request.UnderPrices is not { } under) return null;
        var index = IndexOf(request.LineValues, line);
        return index >= 0 && index < over.Count && index < under.Count ? new MarketPrice(over[index], under[index]) : null;
    }

    /// <summary>The EV rule, and the expected value of the side picked (of the better side for a PASS).</summary>
    public static (Recommendation Pick, double ExpectedValue) ByExpectedValue(double probabilityOver, MarketPrice price, double minEv)
    {
        var (pick, over, under) = Market.ExpectedValue.Recommend(probabilityOver, price, minEv);
        return (pick, pick switch { Recommendation.Over => over, Recommendation.Under => under, _ => Math.Max(over, under) });
    }

    public static IEnumerable<PredictionRow> ToRows(
        PredictionRequest request, SystemPrediction prediction, string featureVersion,
        RecommendationOptions options, DateTimeOffset createdAt)
    {
        var predicted = Math.Round(prediction.PredictedPoints, 2);
        var ensembleSystems = prediction.CombinedSystems is { } used ? string.Join(',', used) : null;
        var lines = request.LineValues;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (IndexOf(lines, line) < i) continue; // a line repeated in the request is one row
            var price = PriceOf(request, line);
            var probability = prediction.ProbabilityOver(line, price);
            var (pick, ev) = price is null
                ? (Recommend(prediction.PredictedPoints, probability, line, request.Prop, options), (double?)null)
                : ByExpectedValue(probability, price, options.MinEv);
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
                Recommendation = pick,
                OverPrice = price?.OverPrice,
                UnderPrice = price?.UnderPrice,
                MarketProbabilityOver = price is null ? null : Math.Round(price.ProbabilityOver, 4),
                ExpectedValue = ev is { } v ? Math.Round(v, 4) : null,
                RecommendationRule = price is null ? RecommendationRules.EdgeAndProbability : RecommendationRules.ExpectedValue,
                LineValue = line,
                LineMargin = Math.Round(predicted - line, 2),
                SimilarityBaseline = prediction.Similarity?.Baseline,
                SimilarGamesCount = prediction.Similarity?.SimilarGamesCount,
                AvgSimilarityScore = prediction.Similarity?.AverageSimilarity,
                EnsembleSystems = ensembleSystems,
                ModelVersion = prediction.ModelVersion,
                FeatureVersion = featureVersion,
                RequestId = request.RequestId,
                CreatedAt = createdAt,
            };
        }
    }

    // Requests carry a handful of lines: a scan, where Distinct and IndexOf on a copy allocated for every row.
    private static int IndexOf(IReadOnlyList<double> lines, double line)
    {
        for (var i = 0; i < lines.Count; i++)
            if (lines[i].Equals(line)) return i;
        return -1;
    }
}
