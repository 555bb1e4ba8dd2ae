using StreamProcessor.Google.BigQuery.Write;
using static StreamProcessor.Google.BigQuery.Tests.Fixtures;

namespace StreamProcessor.Google.BigQuery.Tests;

/// <summary>The local server's --data FILE: tables and CDC order survive a kill and a restart.</summary>
public sealed class EmulatorDataFileTests
{
    [Fact]
    public async Task Rows_and_each_keys_last_sequence_number_survive_a_restart_with_the_same_data_file()
    {
        var data = Path.Combine(Path.GetTempPath(), $"bq-emulator-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using (var first = await EmulatorProcess.StartAsync(dataFile: data))
            {
                using var storage = first.Connect();
                await using var writer = storage.EventWriter();
                await writer.WriteAsync([new(Event("req-1", 7), RowChange.Upsert, ChangeSequence.From(5)), new(Event("req-2", 2)), new(Event("req-3", 1))]);
                await writer.WriteAsync([new(Event("req-3", 0), RowChange.Delete)]);
                await using var deadLetters = storage.Writer<DeadLetterRow>(new StorageWriterOptions { Table = storage.DeadLetters() });
                await deadLetters.WriteAsync([new(DeadLetter("a"), RowChange.Append)]);
            } // killed, not stopped politely

            await using var second = await EmulatorProcess.StartAsync(dataFile: data);
            using var again = second.Connect();
            var rows = await again.ReadAsync(again.Events());
            Assert.Equal(["req-1", "req-2"], rows.Select(r => (string)r["request_id"]!).Order());
            var lebron = rows.Single(r => (string)r["request_id"]! == "req-1");
            Assert.Equal(Noon, lebron["published_at"]);
            Assert.Equal(new object?[] { "ensemble_v1", "xgboost_v1" }, (IReadOnlyList<object?>)lebron["systems_succeeded"]!);
            Assert.Single(await again.ReadAsync(again.DeadLetters()));

            await using var writer2 = again.EventWriter();
            await writer2.WriteAsync([new(Event("req-1", 3), RowChange.Upsert, ChangeSequence.From(4))]);
            Assert.Equal(7L, Assert.Single(await again.ReadAsync(again.Events(), "request_id = 'req-1'"))["predictions_written"]);
        }
        finally
        {
            File.Delete(data);
        }
    }
}
