using Grpc.Core;
using StreamProcessor.Google.BigQuery.Read;
using static StreamProcessor.Google.BigQuery.Tests.Fixtures;

namespace StreamProcessor.Google.BigQuery.Tests;

/// <summary>The product's Storage Read API reader: selected fields and row restrictions, in Arrow.</summary>
public sealed class StorageReadTests
{
    [Fact]
    public async Task A_row_restriction_returns_only_the_matching_rows_with_only_the_selected_fields()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();
        await using var writer = storage.EventWriter();
        await writer.WriteAsync(
        [
            new(Event("r1", 1, "a")),
            new(Event("r2", 4, "b")),
            new(Event("r3", 6, "c")),
            new(Event("r4", 5, "a", Feb12.AddDays(1))),
        ]);

        var rows = await storage.ReadAsync(storage.Events(), "game_date = '2025-02-12' AND player_lookup IN ('a', 'b')", "request_id", "player_lookup");
        Assert.Equal(["r1", "r2"], rows.Select(r => (string)r["request_id"]!).Order());
        Assert.All(rows, r => Assert.Equal(["player_lookup", "request_id"], r.Keys.Order()));

        var between = await storage.ReadAsync(storage.Events(), "predictions_written > 1 AND (predictions_written < 6)", "request_id");
        Assert.Equal(["r2", "r4"], between.Select(r => (string)r["request_id"]!).Order());

        var dated = await storage.ReadAsync(storage.Events(), "game_date > DATE '2025-02-12'", "request_id");
        Assert.Equal("r4", Assert.Single(dated)["request_id"]);
    }

    [Fact]
    public async Task A_read_with_nothing_to_return_is_empty_not_an_error()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();

        Assert.Empty(await storage.ReadAsync(storage.Events()));
        Assert.Empty(await storage.ReadAsync(storage.Events(), "request_id = 'nobody'"));
    }

    [Fact]
    public async Task More_rows_than_one_batch_come_back_whole_and_in_order()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();
        await using var writer = storage.EventWriter();
        var events = Enumerable.Range(0, 2500).Select(i => new Write.PendingRow<PredictionEventRow>(Event($"r{i:0000}", i))).ToArray();
        await writer.WriteAsync(events);

        var batches = await storage.Reader.ReadBatchesAsync(new ReadRequest(storage.Events(), ["predictions_written"]));

        Assert.True(batches.Count > 1);
        var values = batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(i => ((Apache.Arrow.Int64Array)b.Column(0)).GetValue(i))).ToArray();
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (long?)i), values);
    }

    [Fact]
    public async Task A_restriction_on_an_unknown_column_or_an_unknown_field_is_refused_with_the_name()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();

        var column = await Assert.ThrowsAsync<RpcException>(() => storage.ReadAsync(storage.Events(), "points > 3"));
        Assert.Equal(StatusCode.InvalidArgument, column.StatusCode);
        Assert.Contains("'points'", column.Status.Detail);
        var field = await Assert.ThrowsAsync<RpcException>(() => storage.ReadAsync(storage.Events(), null, "nonsense"));
        Assert.Contains("'nonsense'", field.Status.Detail);
    }
}
