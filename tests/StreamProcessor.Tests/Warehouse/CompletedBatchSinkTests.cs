using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Tests.Warehouse;

/// <summary>
/// The embedded warehouse commits a batch's predictions, completion events and execution-log rows in one write:
/// new keys are appended, a write meeting keys already there is rolled back and redone as an upsert, and either way
/// every key holds one row and nothing is half written.
/// </summary>
public class CompletedBatchSinkTests
{
    private static readonly DateOnly Day = new(2025, 2, 12);
    private static readonly DateTimeOffset Morning = DateTimeOffset.Parse("2025-02-12T10:00:00Z");

    [Fact]
    public async Task A_batch_commits_its_rows_events_and_runs_together()
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);

        await new WarehousePredictionSink(warehouse).WriteAsync(Batch(["r-1", "r-2"], predicted: 22, Morning), default);

        Assert.Equal(4L, Count(warehouse, "nba_predictions.player_prop_predictions")); // two requests, two lines each
        Assert.Equal(2L, Count(warehouse, "nba_predictions.prediction_events"));
        Assert.Equal(2L, Count(warehouse, "nba_predictions.prediction_worker_runs"));
        var run = Query(warehouse, "SELECT write_seconds, publish_seconds FROM nba_predictions.prediction_worker_runs WHERE request_id = 'r-1'")[0];
        Assert.True((double)run[0] > 0); // the write's own time up to its log rows
        Assert.Equal(0.0, (double)run[1]); // the event went out with the rows
    }

    [Fact]
    public async Task Writing_a_batch_again_updates_every_row_in_place_and_keeps_their_first_created_at()
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);
        var sink = new WarehousePredictionSink(warehouse);

        await sink.WriteAsync(Batch(["r-1", "r-2"], predicted: 22, Morning), default);
        // Redelivered with one new request beside them: the append meets existing keys, the whole write is redone as an upsert.
        await sink.WriteAsync(Batch(["r-1", "r-2", "r-3"], predicted: 23, Morning.AddHours(1)), default);
        // And a write after that conflict, of keys already there too (the upsert straight away).
        await sink.WriteAsync(Batch(["r-3"], predicted: 24, Morning.AddHours(2)), default);

        var rows = Query(warehouse, "SELECT request_id, predicted_points, created_at FROM nba_predictions.player_prop_predictions ORDER BY request_id, current_points_line");
        Assert.Equal(6, rows.Count);
        Assert.Equal([23.0, 23.0, 23.0, 23.0, 24.0, 24.0], rows.Select(r => (double)r[1]));
        Assert.Equal(Morning.UtcDateTime, ((DateTime)rows[0][2]).ToUniversalTime());
        Assert.Equal(3L, Count(warehouse, "nba_predictions.prediction_events"));
        Assert.Equal(3L, Count(warehouse, "nba_predictions.prediction_worker_runs"));
        Assert.Equal(Morning.AddHours(2).UtcDateTime, ((DateTime)Query(warehouse, "SELECT published_at FROM nba_predictions.prediction_events WHERE request_id = 'r-3'")[0][0]).ToUniversalTime());
    }

    [Fact]
    public async Task A_skip_never_overwrites_the_run_that_did_the_work()
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);
        var sink = new WarehousePredictionSink(warehouse);
        await sink.WriteAsync(Batch(["r-1"], predicted: 22, Morning), default);

        var skip = Run("r-1", Morning.AddHours(1)) with { SkipReason = "already_processed", SystemsSucceeded = [] };
        await sink.WriteAsync(new CompletedBatch(new PredictionBatch([], []), [], [skip, Run("r-9", Morning.AddHours(1)) with { SkipReason = "already_processed" }]), default);

        var runs = Query(warehouse, "SELECT request_id, skip_reason FROM nba_predictions.prediction_worker_runs ORDER BY request_id");
        Assert.Equal(["r-1|", "r-9|already_processed"], runs.Select(r => $"{r[0]}|{(r[1] is DBNull ? "" : r[1])}"));
    }

    [Fact]
    public async Task A_write_that_fails_part_way_commits_nothing_of_the_batch()
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);
        var sink = new WarehousePredictionSink(warehouse);
        var good = Batch(["r-1"], predicted: 22, Morning);
        // A log row the table refuses (request_id is NOT NULL), after the predictions and events are in: in either mode.
        var broken = good with { Runs = [.. good.Runs, Run(null!, Morning)] };

        await Assert.ThrowsAnyAsync<Exception>(() => sink.WriteAsync(broken, default));

        Assert.Equal(0L, Count(warehouse, "nba_predictions.player_prop_predictions"));
        Assert.Equal(0L, Count(warehouse, "nba_predictions.prediction_events"));
        Assert.Equal(0L, Count(warehouse, "nba_predictions.prediction_worker_runs"));
        await sink.WriteAsync(good, default); // and the batch goes in whole once it can
        Assert.Equal(2L, Count(warehouse, "nba_predictions.player_prop_predictions"));
    }

    [Fact]
    public async Task A_line_moved_in_a_later_batch_leaves_the_earlier_lines_rows_inactive()
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);
        var sink = new WarehousePredictionSink(warehouse);
        await sink.WriteAsync(Batch(["r-1"], predicted: 22, Morning, lines: [20.5, 21.5]), default);

        // The same request id (a replay names a request by player, date and prop) at a line the book moved to.
        await sink.WriteAsync(Batch(["r-1"], predicted: 22, Morning.AddHours(1), lines: [22.5]), default);

        var rows = Query(warehouse, "SELECT current_points_line, is_active FROM nba_predictions.player_prop_predictions ORDER BY 1");
        Assert.Equal(["20.5|False", "21.5|False", "22.5|True"], rows.Select(r => $"{r[0]}|{r[1]}"));
    }

    [Fact]
    public async Task A_line_the_book_kept_stays_active_through_a_move_and_other_players_rows_are_left_alone()
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);
        var sink = new WarehousePredictionSink(warehouse);
        await sink.WriteAsync(Batch(["r-1", "r-2"], predicted: 22, Morning, lines: [20.5, 21.5]), default);

        await sink.WriteAsync(Batch(["r-1"], predicted: 23, Morning.AddHours(1), lines: [21.5, 22.5]), default);

        var rows = Query(warehouse, "SELECT player_lookup, current_points_line, is_active FROM nba_predictions.player_prop_predictions ORDER BY 1, 2");
        Assert.Equal([$"{Player("r-1")}|20.5|False", $"{Player("r-1")}|21.5|True", $"{Player("r-1")}|22.5|True",
                      $"{Player("r-2")}|20.5|True", $"{Player("r-2")}|21.5|True"], rows.Select(r => $"{r[0]}|{r[1]}|{r[2]}"));
    }

    [Fact]
    public async Task A_move_deactivates_only_its_own_prop_and_a_write_at_the_same_lines_deactivates_nothing()
    {
        using var temp = new TempDirectory();
        using var warehouse = StreamProcessor.Sinks.Warehouse.Warehouse.OpenInDirectory(temp.Path);
        var sink = new WarehousePredictionSink(warehouse);
        await sink.WriteAsync(Batch(["r-1", "r-2"], predicted: 22, Morning, lines: [20.5, 21.5]), default);
        var rebounds = Batch(["r-1-reb"], predicted: 8, Morning, lines: [7.5]);
        rebounds = rebounds with
        {
            Predictions = new PredictionBatch(rebounds.Predictions.Rows.Select(r => r with { PlayerLookup = Player("r-1"), PropType = PropType.Rebounds }).ToArray(), []),
        };
        await sink.WriteAsync(rebounds, default);

        // The same lines again (a redelivery), then the points line of r-1 moved.
        await sink.WriteAsync(Batch(["r-1", "r-2"], predicted: 23, Morning.AddHours(1), lines: [20.5, 21.5]), default);
        Assert.Equal(0L, Convert.ToInt64(Query(warehouse, "SELECT count(*) FROM nba_predictions.player_prop_predictions WHERE NOT is_active")[0][0]));
        await sink.WriteAsync(Batch(["r-1"], predicted: 24, Morning.AddHours(2), lines: [22.5]), default);

        var rows = Query(warehouse, "SELECT player_lookup, prop_type, current_points_line, is_active FROM nba_predictions.player_prop_predictions ORDER BY 1, 2, 3");
        Assert.Equal([$"{Player("r-1")}|points|20.5|False", $"{Player("r-1")}|points|21.5|False", $"{Player("r-1")}|points|22.5|True",
                      $"{Player("r-1")}|rebounds|7.5|True", $"{Player("r-2")}|points|20.5|True", $"{Player("r-2")}|points|21.5|True"],
            rows.Select(r => $"{r[0]}|{r[1]}|{r[2]}|{r[3]}"));
    }

    private static CompletedBatch Batch(string[] requests, double predicted, DateTimeOffset at, double[]? lines = null)
    {
        lines ??= [20.5, 21.5];
        var rows = requests.SelectMany(request => lines.Select(line => new PredictionRow
        {
            PredictionId = new PredictionKey(Player(request), Day, "moving_average", line).PredictionId,
            SystemId = "moving_average", PlayerLookup = Player(request), GameDate = Day, GameId = "20250212_LAL_UTA",
            PredictedPoints = predicted, ConfidenceScore = 60, Recommendation = Recommendation.Over, LineValue = line,
            LineMargin = predicted - line, FeatureVersion = "v3.0", RequestId = request, CreatedAt = at,
        })).ToArray();
        var events = requests.Select(request => new CompletionEvent
        {
            RequestId = request, PlayerLookup = Player(request), GameDate = Day, GameId = "20250212_LAL_UTA", PropType = PropType.Points,
            LineValues = lines, FeatureVersion = "v3.0", SystemsSucceeded = ["moving_average"], SystemsFailed = [],
            PredictionsWritten = lines.Length, PublishedAt = at,
        }).ToArray();
        return new CompletedBatch(new PredictionBatch(rows, []), events, requests.Select(r => Run(r, at)).ToArray());
    }

    private static WorkerRun Run(string request, DateTimeOffset at) => new()
    {
        RequestId = request, PlayerLookup = request is null ? null : Player(request), GameDate = Day, Prop = PropType.Points,
        LineValues = [20.5], FeatureVersion = "v3.0", SystemsSucceeded = ["moving_average"], ProcessedAt = at,
    };

    private static string Player(string request) => "player-" + request;

    private static long Count(StreamProcessor.Sinks.Warehouse.Warehouse warehouse, string table) =>
        Convert.ToInt64(Query(warehouse, $"SELECT count(*) FROM {table}")[0][0]);

    private static List<object[]> Query(StreamProcessor.Sinks.Warehouse.Warehouse warehouse, string sql) => WarehouseQuery.Rows(warehouse.Path, sql);
}
