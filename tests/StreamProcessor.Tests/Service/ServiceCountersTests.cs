using StreamProcessor.Systems.Prediction.Systems;
using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Service;

[Collection(ServiceCollection.Name)]
public class ServiceCountersTests(RealSeasonFixture season)
{
    [Fact]
    public async Task The_metrics_count_exactly_what_was_fed_and_written_including_appended_lines_and_new_files()
    {
        using var temp = new TempDirectory();
        var spool = Directory.CreateDirectory(temp.File("spool")).FullName;
        var requests = SpoolRequests.ForDays(season.DataDir, new DateOnly(2025, 2, 10), new DateOnly(2025, 2, 10), limit: 40);
        Assert.Equal(40, requests.Count);
        var (first, second, last) = (requests.Take(30).ToArray(), requests.Skip(30).Take(9).ToArray(), requests[39]);
        await File.WriteAllLinesAsync(Path.Combine(spool, "counters-a.jsonl"),
        [
            .. first.Select(r => r.Json),
            "",                                                                                                             // blank: skipped, still counted as a line
            """{"player_lookup": "lebron-james", "game_date": "2025-02-10", "game_id": """,                                  // malformed_json
            """{"player_lookup": "nobody-at-all", "game_date": "2025-02-10", "game_id": "20250210_GSW_HOU", "line_values": [10.5]}""", // no_features
            """{"player_lookup": "lebron-james", "game_date": "2025-02-10", "game_id": "20250210_LAL_UTA", "line_values": [-1]}""",     // invalid_line
        ]);

        await using var service = ServiceProcess.Start(season.DataDir, temp.Path, new Dictionary<string, string>
        {
            ["STREAM_SPOOL__DIRECTORY"] = spool,
            ["STREAM_SPOOL__ACK_LOG"] = temp.File("acks.log"),
        });
        await service.WaitUntilReadyAsync();
        await service.ScrapeUntilAsync(s => Done(s) == 33, "the first 33 requests to be acknowledged");

        // A line being appended (no newline yet) and a new file: the new file is read, the half line is not.
        await File.AppendAllTextAsync(Path.Combine(spool, "counters-a.jsonl"), last.Json[..20]);
        await File.WriteAllLinesAsync(Path.Combine(spool, "counters-b.jsonl"), second.Select(r => r.Json));
        var afterB = await service.ScrapeUntilAsync(s => Done(s) == 42, "counters-b.jsonl to be acknowledged");
        Assert.Equal(42, afterB.Sum("stream_requests_received_total"));

        await File.AppendAllTextAsync(Path.Combine(spool, "counters-a.jsonl"), last.Json[20..] + "\n");
        var scrape = await service.ScrapeUntilAsync(s => Done(s) == 43, "the completed line to be acknowledged");

        Assert.Equal(43, scrape.Sum("stream_requests_received_total"));
        Assert.Equal(40, scrape.Sum("stream_requests_succeeded_total") + scrape.Sum("stream_requests_failed_total"));
        Assert.Equal(1, scrape.Sum("stream_requests_dead_lettered_total", ("reason", "malformed_json")));
        Assert.Equal(1, scrape.Sum("stream_requests_dead_lettered_total", ("reason", "no_features")));
        Assert.Equal(1, scrape.Sum("stream_requests_dead_lettered_total", ("reason", "invalid_line")));
        Assert.Equal(3, scrape.Sum("stream_requests_dead_lettered_total"));
        Assert.Equal(0, scrape.Sum("stream_requests_in_flight"));
        Assert.Equal(43, scrape.Sum("stream_request_duration_seconds_count") + scrape.Sum("stream_requests_dead_lettered_total"));
        // Beside the process's RSS, what of it the embedded warehouse holds (DuckDB's pool, bounded by its limit).
        Assert.InRange(scrape.Sum("stream_warehouse_memory_bytes"), 1, 256.0 * 1024 * 1024);
        // And the GC's committed heap (0 until its first collection, which a run this short may not have had).
        Assert.True(scrape.Has("stream_gc_committed_bytes"));
        foreach (var system in SystemIds.BaseSystems)
            Assert.Equal(40, scrape.Sum("stream_system_outcomes_total", ("system", system)));
        Assert.All(scrape.Series("stream_breaker_state"), s => Assert.Equal(0, s.Value));
        var written = scrape.Sum("stream_predictions_written_total");
        var perSystem = SystemIds.All.ToDictionary(id => id, id => scrape.Sum("stream_predictions_written_total", ("system", id)));
        Assert.Equal(perSystem.Values.Sum(), written);
        foreach (var id in SystemIds.All)
            Assert.Equal(scrape.Sum("stream_system_outcomes_total", ("system", id), ("outcome", "succeeded")), perSystem[id]); // one line each

        service.SendSigterm();
        Assert.Equal(0, await service.WaitForExitAsync());

        // The log is JSON lines in Cloud Logging's shape, with the request's fields, and never a payload.
        var logs = service.Logs();
        Assert.Equal(service.LogLines.Count, logs.Count);
        Assert.All(logs, l => Assert.Contains(l.GetProperty("severity").GetString(), new[] { "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL" }));
        var malformed = Assert.Single(logs, l => l.TryGetProperty("request_id", out var id) && id.GetString() == "counters-a.jsonl:32");
        Assert.Equal("WARNING", malformed.GetProperty("severity").GetString());
        Assert.Equal("malformed_json", malformed.GetProperty("reason").GetString());
        var completed = Assert.Single(logs, l => l.TryGetProperty("request_id", out var id) && id.GetString() == "counters-b.jsonl:1");
        Assert.Equal(second[0].PlayerLookup, completed.GetProperty("player_lookup").GetString());
        Assert.Equal("2025-02-10", completed.GetProperty("game_date").GetString());
        Assert.DoesNotContain(service.LogLines, l => l.Contains("line_values", StringComparison.Ordinal));

        // What the counters say is what the warehouse holds, and every fed line was acknowledged once.
        var warehouse = Path.Combine(season.DataDir, "warehouse.duckdb");
        var rows = WarehouseQuery.Rows(warehouse, """
            SELECT system_id, count(*) FROM nba_predictions.player_prop_predictions
            WHERE request_id LIKE 'counters-%' GROUP BY 1
            """).ToDictionary(r => (string)r[0], r => Convert.ToDouble(r[1]));
        foreach (var id in SystemIds.All) Assert.Equal(perSystem[id], rows.GetValueOrDefault(id));
        var deadLetters = WarehouseQuery.Rows(warehouse, """
            SELECT request_id || '=' || reason_code FROM nba_predictions.dead_letter
            WHERE system_id IS NULL AND request_id LIKE 'counters-%' ORDER BY 1
            """).Select(r => (string)r[0]);
        Assert.Equal(["counters-a.jsonl:32=malformed_json", "counters-a.jsonl:33=no_features", "counters-a.jsonl:34=invalid_line"], deadLetters);
        var acked = await File.ReadAllLinesAsync(temp.File("acks.log"));
        string[] expected = [.. Enumerable.Range(1, 30).Select(i => $"counters-a.jsonl:{i}"), .. Enumerable.Range(32, 4).Select(i => $"counters-a.jsonl:{i}"),
            .. Enumerable.Range(1, 9).Select(i => $"counters-b.jsonl:{i}")];
        Assert.Equal(expected.Order(), acked.Order());
    }

    private static double Done(PrometheusScrape s) =>
        s.Sum("stream_requests_succeeded_total") + s.Sum("stream_requests_failed_total") + s.Sum("stream_requests_dead_lettered_total");
}
