using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Tests.Warehouse;

public class PropPredictionTests
{
    private static readonly DateOnly Day = new(2025, 2, 12);

    [Fact]
    public void Points_ids_are_unchanged_and_other_props_get_their_own()
    {
        var points = new PredictionKey("a-player", Day, "moving_average", 20.5);
        var explicitPoints = new PredictionKey("a-player", Day, "moving_average", 20.5, PropType.Points);
        var rebounds = new PredictionKey("a-player", Day, "moving_average", 20.5, PropType.Rebounds);

        // The id production minted before props existed: sha256("a-player|2025-02-12|moving_average|20.5"), first 16 bytes.
        var text = "a-player|2025-02-12|moving_average|20.5";
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
        Assert.Equal(expected, points.PredictionId);
        Assert.Equal(points.PredictionId, explicitPoints.PredictionId);
        Assert.NotEqual(points.PredictionId, rebounds.PredictionId);
    }

    [Theory]
    [InlineData("a-player", 20.5, PropType.Points, "a-player|2025-02-12|xgboost_v1|20.5")]
    [InlineData("a-player", 7.0, PropType.Points, "a-player|2025-02-12|xgboost_v1|7.0")]
    [InlineData("a-player", 0.12345, PropType.Points, "a-player|2025-02-12|xgboost_v1|0.1235")]
    [InlineData("a-player", 6.5, PropType.Rebounds, "a-player|2025-02-12|xgboost_v1|6.5|rebounds")]
    [InlineData("nikola-jokić", 2.5, PropType.Threes, "nikola-jokić|2025-02-12|xgboost_v1|2.5|threes")]
    public void An_id_is_the_hash_of_its_key_text(string player, double line, PropType prop, string text)
    {
        Assert.Equal(Sha256Prefix(text), new PredictionKey(player, Day, "xgboost_v1", line, prop).PredictionId);
    }

    [Fact]
    public void A_key_too_long_for_the_stack_gets_the_same_id_as_its_text()
    {
        var player = new string('x', 400);
        Assert.Equal(Sha256Prefix($"{player}|2025-02-12|moving_average|20.5|assists"),
            new PredictionKey(player, Day, "moving_average", 20.5, PropType.Assists).PredictionId);
    }

    private static string Sha256Prefix(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    [Fact]
    public async Task The_same_line_for_two_props_is_two_rows_and_each_upserts_in_place()
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);
        var sink = new WarehousePredictionSink(warehouse);
        PredictionRow Row(PropType prop, double predicted, double probability) => new()
        {
            PredictionId = new PredictionKey("a-player", Day, "xgboost_v1", 6.5, prop).PredictionId,
            SystemId = "xgboost_v1", PlayerLookup = "a-player", GameDate = Day, GameId = "20250212_LAL_UTA", PropType = prop,
            PredictedPoints = predicted, ProbabilityOver = probability, ConfidenceScore = 100 * Math.Max(probability, 1 - probability),
            Recommendation = Recommendation.Pass, LineValue = 6.5, LineMargin = predicted - 6.5, FeatureVersion = "v", RequestId = "r",
            CreatedAt = DateTimeOffset.Parse("2025-02-12T10:00:00Z"),
        };

        await sink.WriteAsync(new PredictionBatch([Row(PropType.Points, 8, 0.6), Row(PropType.Assists, 7, 0.55)], []), default);
        await sink.WriteAsync(new PredictionBatch([Row(PropType.Assists, 5, 0.3)], []), default);

        var rows = new PredictionTable(warehouse).ReadDate(Day);
        Assert.Equal(2, rows.Count);
        var assists = rows.Single(r => r.PropType == PropType.Assists);
        Assert.Equal((5.0, 0.3, 70.0), (assists.PredictedPoints, assists.ProbabilityOver!.Value, assists.ConfidenceScore));
        Assert.Equal(8.0, rows.Single(r => r.PropType == PropType.Points).PredictedPoints);
    }
}
