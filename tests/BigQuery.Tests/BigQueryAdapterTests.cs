using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;
using static StreamProcessor.Google.BigQuery.Tests.Fixtures;

namespace StreamProcessor.Google.BigQuery.Tests;

/// <summary>The BigQuery adapters of the write seams against the local server, read back through the Read API.</summary>
public sealed class BigQueryAdapterTests
{
    private static PredictionRow Prediction(string system, double line, DateTimeOffset createdAt, bool active = true, string requestId = "req-1", string gameId = "0022400777") => new()
    {
        PredictionId = $"{system}-{line}",
        SystemId = system,
        PlayerLookup = "lebronjames",
        GameDate = Feb12,
        GameId = gameId,
        PredictedPoints = 27.5,
        ProbabilityOver = 0.61,
        ConfidenceScore = 61,
        Recommendation = Recommendation.Over,
        LineValue = line,
        LineMargin = 27.5 - line,
        SimilarGamesCount = 12,
        FeatureVersion = "v3.0",
        RequestId = requestId,
        CreatedAt = createdAt,
        IsActive = active,
    };

    private static DeadLetter SystemFailure(string requestId = "req-1") => new()
    {
        RequestId = requestId,
        SystemId = "similarity_balanced_v1",
        ReasonCode = "insufficient_similar_games",
        Message = "3 similar games, 5 needed",
        PlayerLookup = "lebronjames",
        GameDate = Feb12,
        CreatedAt = Noon,
    };

    private static Read.ReadRequest Predictions(BigQueryWarehouse w) => new(w.Storage.Table("nba_predictions", "player_prop_predictions"));

    [Fact]
    public async Task A_redelivered_batch_leaves_one_row_per_key_and_its_dead_letter_under_one_id()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        await using var warehouse = new BigQueryWarehouse(new BigQueryStorageOptions { Project = EmulatorProcess.Project, EmulatorHost = emulator.Host });
        var batch = new PredictionBatch([Prediction("ensemble_v1", 25.5, Noon), Prediction("ensemble_v1", 26.5, Noon), Prediction("xgboost_v1", 25.5, Noon)], [SystemFailure()]);

        await warehouse.Predictions.WriteAsync(batch, CancellationToken.None);
        await warehouse.Predictions.WriteAsync(batch, CancellationToken.None);

        var rows = await warehouse.Storage.Reader.ReadRowsAsync(Predictions(warehouse));
        Assert.Equal(3, rows.Count);
        var row = rows.Single(r => (string)r["system_id"]! == "xgboost_v1");
        Assert.Equal("OVER", row["recommendation"]);
        Assert.Equal("points", row["prop_type"]);
        Assert.Equal(25.5, row["current_points_line"]);
        Assert.Equal(12L, row["similar_games_count"]);
        Assert.Null(row["similarity_baseline"]);
        var deadLetters = await warehouse.Storage.ReadAsync(warehouse.Storage.DeadLetters(), null, "dead_letter_id", "reason_code");
        Assert.Equal(SystemFailure().DeadLetterId, Assert.Single(deadLetters.Select(d => (string)d["dead_letter_id"]!).Distinct()));
    }

    [Fact]
    public async Task An_older_request_delivered_after_a_newer_one_does_not_overwrite_its_rows()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        await using var warehouse = new BigQueryWarehouse(new BigQueryStorageOptions { Project = EmulatorProcess.Project, EmulatorHost = emulator.Host });

        // After a line move the newer request deactivates the row; the original request is redelivered late.
        await warehouse.Predictions.WriteAsync(new([Prediction("ensemble_v1", 25.5, Noon.AddMinutes(30), active: false, requestId: "req-2")], []), CancellationToken.None);
        await warehouse.Predictions.WriteAsync(new([Prediction("ensemble_v1", 25.5, Noon, active: true, requestId: "req-1")], []), CancellationToken.None);

        var row = Assert.Single(await warehouse.Storage.Reader.ReadRowsAsync(Predictions(warehouse)));
        Assert.Equal(false, row["is_active"]);
        Assert.Equal("req-2", row["request_id"]);
    }

    [Fact]
    public async Task A_prediction_row_BigQuery_refuses_becomes_a_dead_letter_and_the_others_are_written()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        await using var warehouse = new BigQueryWarehouse(new BigQueryStorageOptions { Project = EmulatorProcess.Project, EmulatorHost = emulator.Host });
        var broken = Prediction("moving_average", 25.5, Noon, gameId: null!);

        await warehouse.Predictions.WriteAsync(new([Prediction("ensemble_v1", 25.5, Noon), broken], []), CancellationToken.None);

        Assert.Equal("ensemble_v1", Assert.Single(await warehouse.Storage.Reader.ReadRowsAsync(Predictions(warehouse)))["system_id"]);
        var dead = Assert.Single(await warehouse.Storage.ReadAsync(warehouse.Storage.DeadLetters()));
        Assert.Equal("warehouse_row_rejected", dead["reason_code"]);
        Assert.Equal("moving_average", dead["system_id"]);
        Assert.Contains("game_id", (string)dead["message"]!);
    }

    [Fact]
    public async Task A_skip_never_overwrites_the_run_that_did_the_work_and_the_lookup_finds_it()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        await using var warehouse = new BigQueryWarehouse(new BigQueryStorageOptions { Project = EmulatorProcess.Project, EmulatorHost = emulator.Host });
        var key = new PlayerDate("lebronjames", Feb12);
        var done = new WorkerRun
        {
            RequestId = "req-1", PlayerLookup = key.PlayerLookup, GameDate = key.GameDate, LineValues = [26.5, 25.5],
            FeatureVersion = "v3.0", SystemsAttempted = ["ensemble_v1"], SystemsSucceeded = ["ensemble_v1"], ProcessedAt = Noon,
            Prop = PropType.Points, ModelVersion = "m1",
        };
        var failed = done with { RequestId = "req-9", PlayerLookup = "stephcurry", SystemsSucceeded = [], SystemsFailed = ["ensemble_v1"] };

        await warehouse.ExecutionLog.WriteAsync([done, failed], CancellationToken.None);
        await warehouse.ExecutionLog.WriteAsync([done with { SkipReason = "already_processed", ProcessedAt = Noon.AddHours(1) }], CancellationToken.None);

        var rows = await warehouse.Storage.ReadAsync(warehouse.Storage.Table("nba_predictions", "prediction_worker_runs"), "request_id = 'req-1'");
        Assert.Null(Assert.Single(rows)["skip_reason"]);
        var processed = await warehouse.ExecutionLog.ProcessedAsync([key, new PlayerDate("stephcurry", Feb12), new PlayerDate("lebronjames", Feb12.AddDays(1))], CancellationToken.None);
        Assert.Equal(new ProcessedRequest(key, PropType.Points, "25.5,26.5", "v3.0", "m1"), Assert.Single(processed));
    }

    [Fact]
    public async Task A_write_to_a_server_that_refuses_it_is_a_warehouse_error_not_a_silent_drop()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        await using var warehouse = new BigQueryWarehouse(new BigQueryStorageOptions { Project = "a-project-with-no-tables", EmulatorHost = emulator.Host });

        var error = await Assert.ThrowsAsync<WarehouseException>(() => warehouse.DeadLetters.WriteAsync([SystemFailure()], CancellationToken.None));

        Assert.Contains("dead letters", error.Message);
        Assert.Contains("NotFound", error.Message);
    }
}
