using Google.Cloud.BigQuery.Storage.V1;
using Grpc.Core;
using StreamProcessor.Google.BigQuery.Write;
using static StreamProcessor.Google.BigQuery.Tests.Fixtures;

namespace StreamProcessor.Google.BigQuery.Tests;

/// <summary>The product's Storage Write API writer against the local server, read back through the Read API.</summary>
public sealed class StorageWriteTests
{
    [Fact]
    public async Task An_upsert_written_twice_leaves_one_row_with_the_second_value()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();
        await using var writer = storage.EventWriter();

        Assert.Equal(1, (await writer.WriteAsync([new(Event("req-1", 3))])).RowsWritten);
        Assert.Equal(2, (await writer.WriteAsync([new(Event("req-1", 5)), new(Event("req-2", 4))])).RowsWritten);

        var rows = await storage.ReadAsync(storage.Events());
        Assert.Equal(2, rows.Count);
        var first = Assert.Single(rows, r => (string)r["request_id"]! == "req-1");
        Assert.Equal(5L, first["predictions_written"]);
        Assert.Equal(Feb12, first["game_date"]);
        Assert.Equal(Noon, first["published_at"]);
        Assert.Equal(new object?[] { "ensemble_v1", "xgboost_v1" }, (IReadOnlyList<object?>)first["systems_succeeded"]!);
        Assert.Equal(1, writer.Connections);
    }

    [Fact]
    public async Task A_delete_removes_the_key_and_leaves_the_others()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();
        await using var writer = storage.EventWriter();
        await writer.WriteAsync([new(Event("req-1", 3)), new(Event("req-2", 4))]);

        await writer.WriteAsync([new(Event("req-1", 0), RowChange.Delete)]);

        var rows = await storage.ReadAsync(storage.Events());
        Assert.Equal("req-2", Assert.Single(rows)["request_id"]);
    }

    [Fact]
    public async Task An_older_change_arriving_late_never_overwrites_or_deletes_a_newer_one()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();
        await using var writer = storage.EventWriter();

        await writer.WriteAsync([new(Event("req-1", 7), RowChange.Upsert, ChangeSequence.From(2))]);
        await writer.WriteAsync([new(Event("req-1", 3), RowChange.Upsert, ChangeSequence.From(1))]);
        await writer.WriteAsync([new(Event("req-1", 0), RowChange.Delete, ChangeSequence.From(1))]);
        Assert.Equal(7L, Assert.Single(await storage.ReadAsync(storage.Events()))["predictions_written"]);

        await writer.WriteAsync([new(Event("req-1", 9), RowChange.Upsert, ChangeSequence.From(3))]);
        Assert.Equal(9L, Assert.Single(await storage.ReadAsync(storage.Events()))["predictions_written"]);

        // Sections compare as numbers, not as text: "A" (10) is after "9".
        await writer.WriteAsync([new(Event("req-2", 1), RowChange.Upsert, "A")]);
        await writer.WriteAsync([new(Event("req-2", 2), RowChange.Upsert, "9")]);
        Assert.Equal(1L, Assert.Single(await storage.ReadAsync(storage.Events(), "request_id = 'req-2'"))["predictions_written"]);
    }

    [Fact]
    public async Task A_row_that_does_not_fit_the_schema_is_reported_by_index_while_the_rest_are_written()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();
        await using var writer = storage.Writer<PredictionEventTextDateRow>(new StorageWriterOptions { Table = storage.Events(), Cdc = true });

        var report = await writer.WriteAsync(
        [
            new(new("req-1", "lebronjames", "2025-02-12", "g1", 3, Noon)),
            new(new("req-2", "lebronjames", "2025-02-30", "g1", 3, Noon)),
            new(new("req-3", null!, "2025-02-12", "g1", 3, Noon)),
            new(new("req-4", "stephcurry", "2025-02-13", "g2", 4, Noon)),
        ]);

        Assert.Equal(2, report.RowsWritten);
        Assert.Collection(report.Failures,
            f => { Assert.Equal(1, f.Index); Assert.Contains("'2025-02-30' is not a DATE", f.Message); },
            f => { Assert.Equal(2, f.Index); Assert.Contains("player_lookup", f.Message); });
        var rows = await storage.ReadAsync(storage.Events());
        Assert.Equal(["req-1", "req-4"], rows.Select(r => (string)r["request_id"]!).Order());
        Assert.Equal(new DateOnly(2025, 2, 13), rows.Single(r => (string)r["request_id"]! == "req-4")["game_date"]);
    }

    [Fact]
    public async Task Offsets_on_an_application_created_stream_refuse_a_duplicate_and_a_gap()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();
        var stream = await storage.WriteClient.CreateWriteStreamAsync(new CreateWriteStreamRequest
        {
            Parent = storage.DeadLetters().Path,
            WriteStream = new WriteStream { Type = WriteStream.Types.Type.Committed },
        });
        await using var writer = storage.Writer<DeadLetterRow>(new StorageWriterOptions { Table = storage.DeadLetters(), StreamName = stream.Name });

        Assert.Equal(2, (await writer.WriteAsync([new(DeadLetter("a")), new(DeadLetter("b"))], offset: 0)).RowsWritten);
        var duplicate = await Assert.ThrowsAsync<BigQueryWriteException>(() => writer.WriteAsync([new(DeadLetter("a"))], offset: 0));
        Assert.Equal(StatusCode.AlreadyExists, duplicate.Code);
        var gap = await Assert.ThrowsAsync<BigQueryWriteException>(() => writer.WriteAsync([new(DeadLetter("z"))], offset: 5));
        Assert.Equal(StatusCode.OutOfRange, gap.Code);
        Assert.Equal(1, (await writer.WriteAsync([new(DeadLetter("c"))], offset: 2)).RowsWritten);

        var rows = await storage.ReadAsync(storage.DeadLetters());
        Assert.Equal(["a", "b", "c"], rows.Select(r => (string)r["dead_letter_id"]!).Order());
        Assert.All(rows, r => Assert.Null(r["system_id"]));
    }

    [Fact]
    public async Task A_pending_stream_shows_its_rows_only_once_finalized_and_committed()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();
        var stream = await storage.WriteClient.CreateWriteStreamAsync(new CreateWriteStreamRequest
        {
            Parent = storage.DeadLetters().Path,
            WriteStream = new WriteStream { Type = WriteStream.Types.Type.Pending },
        });
        await using var writer = storage.Writer<DeadLetterRow>(new StorageWriterOptions { Table = storage.DeadLetters(), StreamName = stream.Name });
        await writer.WriteAsync([new(DeadLetter("a")), new(DeadLetter("b"))], offset: 0);
        Assert.Empty(await storage.ReadAsync(storage.DeadLetters()));

        var early = await storage.WriteClient.BatchCommitWriteStreamsAsync(new BatchCommitWriteStreamsRequest { Parent = storage.DeadLetters().Path, WriteStreams = { stream.Name } });
        Assert.Null(early.CommitTime);
        Assert.Equal(StorageError.Types.StorageErrorCode.InvalidStreamState, Assert.Single(early.StreamErrors).Code);

        Assert.Equal(2, (await storage.WriteClient.FinalizeWriteStreamAsync(new FinalizeWriteStreamRequest { Name = stream.Name })).RowCount);
        var commit = await storage.WriteClient.BatchCommitWriteStreamsAsync(new BatchCommitWriteStreamsRequest { Parent = storage.DeadLetters().Path, WriteStreams = { stream.Name } });
        Assert.NotNull(commit.CommitTime);
        Assert.Equal(2, (await storage.ReadAsync(storage.DeadLetters())).Count);
    }

    [Fact]
    public async Task A_buffered_stream_shows_rows_up_to_the_flushed_offset_and_refuses_a_flush_past_its_end()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();
        var stream = await storage.WriteClient.CreateWriteStreamAsync(new CreateWriteStreamRequest
        {
            Parent = storage.DeadLetters().Path,
            WriteStream = new WriteStream { Type = WriteStream.Types.Type.Buffered },
        });
        await using var writer = storage.Writer<DeadLetterRow>(new StorageWriterOptions { Table = storage.DeadLetters(), StreamName = stream.Name });
        await writer.WriteAsync([new(DeadLetter("a")), new(DeadLetter("b")), new(DeadLetter("c"))], offset: 0);
        Assert.Empty(await storage.ReadAsync(storage.DeadLetters()));

        Assert.Equal(1, (await storage.WriteClient.FlushRowsAsync(new FlushRowsRequest { WriteStream = stream.Name, Offset = 1 })).Offset);
        Assert.Equal(["a", "b"], (await storage.ReadAsync(storage.DeadLetters())).Select(r => (string)r["dead_letter_id"]!).Order());

        var past = await Assert.ThrowsAsync<RpcException>(async () => await storage.WriteClient.FlushRowsAsync(new FlushRowsRequest { WriteStream = stream.Name, Offset = 3 }));
        Assert.Equal(StatusCode.OutOfRange, past.StatusCode);
    }

    [Fact]
    public async Task The_default_stream_refuses_an_offset()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();
        await using var writer = storage.Writer<DeadLetterRow>(new StorageWriterOptions { Table = storage.DeadLetters() });

        var refused = await Assert.ThrowsAsync<BigQueryWriteException>(() => writer.WriteAsync([new(DeadLetter("a"), RowChange.Append)], offset: 0));

        Assert.Equal(StatusCode.InvalidArgument, refused.Code);
        Assert.Contains("_default", refused.Message);
        Assert.Empty(await storage.ReadAsync(storage.DeadLetters()));
    }

    [Fact]
    public async Task A_write_over_10_MB_goes_out_as_several_requests_and_the_server_refuses_one_that_big()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();
        await using var writer = storage.Writer<DeadLetterRow>(new StorageWriterOptions { Table = storage.DeadLetters() });
        var payload = new string('x', 512 * 1024);
        var rows = Enumerable.Range(0, 30).Select(i => new PendingRow<DeadLetterRow>(DeadLetter($"dl-{i:00}", payload), RowChange.Append)).ToArray();

        var report = await writer.WriteAsync(rows);

        Assert.Equal(30, report.RowsWritten);
        Assert.Empty(report.Failures);
        Assert.Equal(30, (await storage.ReadAsync(storage.DeadLetters(), null, "dead_letter_id")).Count);

        using var call = storage.WriteClient.AppendRows();
        var request = new AppendRowsRequest
        {
            WriteStream = storage.DeadLetters().DefaultStream,
            ProtoRows = new AppendRowsRequest.Types.ProtoData
            {
                WriterSchema = new ProtoSchema { ProtoDescriptor = Write.ProtoRowSchema<DeadLetterRow>.Create(cdc: false).Descriptor },
                Rows = new ProtoRows(),
            },
        };
        var schema = Write.ProtoRowSchema<DeadLetterRow>.Create(cdc: false);
        for (var i = 0; i < 22; i++) request.ProtoRows.Rows.SerializedRows.Add(schema.Encode(DeadLetter($"big-{i}", payload), RowChange.Append, null));
        await call.RequestStream.WriteAsync(request);
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("limit 10485760", refused.Status.Detail);
    }

    [Fact]
    public async Task A_writer_whose_stream_broke_reconnects_and_the_next_write_lands()
    {
        var first = await EmulatorProcess.StartAsync();
        var port = first.Port;
        using var storage = first.Connect();
        await using var writer = storage.EventWriter();
        await writer.WriteAsync([new(Event("req-1", 3))]);

        await first.DisposeAsync(); // the server goes away under the open AppendRows stream
        await using var second = await EmulatorProcess.StartAsync(port);
        var report = await writer.WriteAsync([new(Event("req-2", 4))]);

        Assert.Equal(1, report.RowsWritten);
        Assert.Equal(2, writer.Connections);
        Assert.Equal("req-2", Assert.Single(await storage.ReadAsync(storage.Events()))["request_id"]);
    }

    [Fact]
    public async Task A_non_retryable_refusal_is_raised_not_retried()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var storage = emulator.Connect();
        // dead_letter has no primary key, so CDC rows are refused for good.
        await using var writer = storage.Writer<DeadLetterRow>(new StorageWriterOptions { Table = storage.DeadLetters(), Cdc = true });

        var refused = await Assert.ThrowsAsync<BigQueryWriteException>(() => writer.WriteAsync([new(DeadLetter("a"))]));

        Assert.Equal(StatusCode.InvalidArgument, refused.Code);
        Assert.Contains("no primary key", refused.Message);
        Assert.DoesNotContain("attempts", refused.Message);
    }
}
