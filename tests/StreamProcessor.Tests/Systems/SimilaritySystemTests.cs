using Xunit;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Systems;
using StreamProcessor.Systems.Prediction.Systems.Similarity;

namespace StreamProcessor.Tests.Systems;

public class SimilaritySystemTests
{
    private static readonly double MadPerStd = Math.Sqrt(2 / Math.PI);
    private readonly SimilaritySystem _system = new();

    // Tonight: elite defence (0.95 < 0.97), hot form (0.2 > 0.15), 1 day of rest (bucket 0-1), at home.
    private static FeaturesBuilder Tonight() => new FeaturesBuilder()
        .With(Feature.OpponentDefRatingRel, 0.95).With(Feature.RecentForm, 0.2)
        .With(Feature.DaysRest, 1).With(Feature.Home, 1);

    private static HistoricalGame Game(int daysAgo, OpponentTier tier, RecentForm form, int rest, bool home, double points) => new()
    {
        GameDate = FeaturesBuilder.Tonight.AddDays(-daysAgo),
        OpponentTier = tier,
        RecentForm = form,
        DaysRest = rest,
        Home = home,
        Points = points,
        Minutes = 30,
    };

    // Similarity = 0.35 tier + 0.25 form + 0.2 rest + 0.2 home; one step away earns half credit.
    private static readonly HistoricalGame[] History =
    [
        Game(2, OpponentTier.Elite, RecentForm.Hot, 1, true, 30),      // .35 + .25 + .2 + .2         = 1.0
        Game(4, OpponentTier.Elite, RecentForm.Hot, 0, false, 20),     // .35 + .25 + .2 + 0          = 0.8
        Game(6, OpponentTier.Average, RecentForm.Hot, 2, true, 25),    // .175 + .25 + .1 + .2        = 0.725
        Game(9, OpponentTier.Elite, RecentForm.Normal, 3, true, 22),   // .35 + .125 + 0 + .2         = 0.675
        Game(11, OpponentTier.Weak, RecentForm.Cold, 3, false, 10),    // 0 + 0 + 0 + 0               = 0 (not similar)
        Game(13, OpponentTier.Average, RecentForm.Normal, 1, true, 28),// .175 + .125 + .2 + .2       = 0.7
        Game(15, OpponentTier.Weak, RecentForm.Hot, 2, false, 15),     // 0 + .25 + .1 + 0            = 0.35 (not similar)
    ];

    [Fact]
    public void Predicts_the_similarity_weighted_mean_of_the_similar_games()
    {
        var p = Assert.IsType<SystemPrediction>(_system.Predict(Tonight().Input(History)));

        // similar: (1.0, 30), (0.8, 20), (0.725, 25), (0.675, 22), (0.7, 28); weight sum = 3.9
        // weighted points = 30 + 16 + 18.125 + 14.85 + 19.6 = 98.575; prediction = 98.575 / 3.9
        var predicted = 98.575 / 3.9;
        Assert.Equal(predicted, p.PredictedPoints, 1e-9);
        Assert.Equal(SystemIds.Similarity, p.SystemId);

        var details = Assert.IsType<SimilarityDetails>(p.Similarity);
        Assert.Equal(5, details.SimilarGamesCount);
        Assert.Equal(3.9 / 5, details.AverageSimilarity, 1e-9);                         // 0.78
        Assert.Equal((30 + 20 + 25 + 22 + 10 + 28 + 15) / 7.0, details.Baseline, 1e-9); // 150 / 7, all history

        // spread = similarity-weighted standard deviation around the prediction
        var spread = Math.Sqrt((1.0 * Sq(30 - predicted) + 0.8 * Sq(20 - predicted) + 0.725 * Sq(25 - predicted)
                                + 0.675 * Sq(22 - predicted) + 0.7 * Sq(28 - predicted)) / 3.9);
        Assert.Equal(MadPerStd * spread, p.ExpectedError!.Value, 1e-9);
    }

    [Fact]
    public void Fails_with_insufficient_history_giving_the_count_and_the_minimum()
    {
        var history = History.Where(g => g.Points != 28).ToArray(); // drop one similar game: 4 left

        var failure = Assert.IsType<SystemFailure>(_system.Predict(Tonight().Input(history)));

        Assert.Equal(FailureReason.InsufficientHistory, failure.Reason);
        Assert.Contains("4 similar games", failure.Message);
        Assert.Contains("6 earlier games", failure.Message);
        Assert.Contains("at least 5", failure.Message);
    }

    [Fact]
    public void Fails_with_insufficient_history_without_any_games()
    {
        var failure = Assert.IsType<SystemFailure>(_system.Predict(Tonight().Input([])));

        Assert.Equal(FailureReason.InsufficientHistory, failure.Reason);
        Assert.Contains("0 similar games", failure.Message);
    }

    [Fact]
    public void Ignores_games_dated_tonight_or_later()
    {
        var history = History.Where(g => g.Points != 28)
            .Append(Game(0, OpponentTier.Elite, RecentForm.Hot, 1, true, 50))
            .ToArray();

        var failure = Assert.IsType<SystemFailure>(_system.Predict(Tonight().Input(history)));

        Assert.Contains("4 similar games", failure.Message);
    }

    [Fact]
    public void Options_lower_the_thresholds()
    {
        var system = new SimilaritySystem(new SimilarityOptions { MinSimilarity = 0.3, MinSimilarGames = 6 });

        var p = Assert.IsType<SystemPrediction>(system.Predict(Tonight().Input(History)));

        // the 0.35 game now counts too: weight sum = 3.9 + 0.35 = 4.25; points = 98.575 + 5.25 = 103.825
        Assert.Equal(103.825 / 4.25, p.PredictedPoints, 1e-9);
        Assert.Equal(6, p.Similarity!.SimilarGamesCount);
    }

    [Fact]
    public void Missing_context_features_count_as_average_normal_rested_and_away()
    {
        // All context missing: tier average, form normal, rest 3 (bucket 3+), not home.
        var history = Enumerable.Range(1, 5).Select(i => Game(i, OpponentTier.Average, RecentForm.Normal, 3, false, 10 + i)).ToArray();

        var p = Assert.IsType<SystemPrediction>(_system.Predict(new FeaturesBuilder().Input(history)));

        // every game is identical to tonight (similarity 1): the plain mean of 11..15 = 13
        Assert.Equal(13, p.PredictedPoints, 1e-9);
        Assert.Equal(1, p.Similarity!.AverageSimilarity, 1e-9);
    }

    private static double Sq(double x) => x * x;
}
