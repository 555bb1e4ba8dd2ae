using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Tests.Warehouse;

/// <summary>A write that repeats a key keeps the newest row: the last one given.</summary>
public class StagedUpsertTests
{
    private static readonly DateOnly Day = new(2025, 2, 12);
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2025-02-12T18:00:00Z");

    [Fact]
    public async Task Of_rows_repeating_a_key_in_one_write_the_last_given_is_the_one_stored()
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);
        var log = new WarehouseExecutionLog(warehouse);
        // 100 requests, each delivered 4 times in the same batch, interleaved; the 4th delivery is the newest
        var runs = Enumerable.Range(0, 4).SelectMany(delivery => Enumerable.Range(0, 100).Select(request => new WorkerRun
        {
            RequestId = $"r-{request}", PlayerLookup = "a-player", GameDate = Day, Prop = PropType.Points, LineValues = [20.5],
            FeatureVersion = "v3.0", SystemsSucceeded = ["moving_average"], ErrorMessage = $"delivery {delivery}", ProcessedAt = At,
        })).ToArray();

        await log.WriteAsync(runs, default);
        warehouse.Dispose();

        var stored = WarehouseQuery.Rows(Path.Combine(temp.Path, "warehouse.duckdb"), "SELECT request_id, error_message FROM nba_predictions.prediction_worker_runs");
        Assert.Equal(100, stored.Count);
        Assert.All(stored, r => Assert.Equal("delivery 3", r[1]));
    }

    [Fact]
    public async Task Predictions_repeating_a_key_with_the_same_created_at_keep_the_last_given()
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);
        PredictionRow Row(string player, double predicted) => new()
        {
            PredictionId = new PredictionKey(player, Day, "moving_average", 20.5).PredictionId,
            SystemId = "moving_average", PlayerLookup = player, GameDate = Day, GameId = "20250212_LAL_UTA",
            PredictedPoints = predicted, ProbabilityOver = 0.5, ConfidenceScore = 50, Recommendation = Recommendation.Pass,
            LineValue = 20.5, LineMargin = predicted - 20.5, FeatureVersion = "v3.0", RequestId = "r", CreatedAt = At,
        };
        var rows = Enumerable.Range(0, 4).SelectMany(version => Enumerable.Range(0, 50).Select(p => Row($"player-{p}", 10 + version))).ToArray();

        await new WarehousePredictionSink(warehouse).WriteAsync(new PredictionBatch(rows, []), default);

        var stored = new PredictionTable(warehouse).ReadDate(Day);
        Assert.Equal(50, stored.Count);
        Assert.All(stored, r => Assert.Equal(13.0, r.PredictedPoints));
    }
}
