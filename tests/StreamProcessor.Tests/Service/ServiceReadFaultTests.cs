using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Service;

[Collection(ServiceCollection.Name)]
public class ServiceReadFaultTests(RealSeasonFixture season)
{
    [Fact]
    public async Task A_feature_store_outage_longer_than_the_retries_costs_a_redelivery_delay_and_everything_is_written_once()
    {
        using var temp = new TempDirectory();
        var spool = Directory.CreateDirectory(temp.File("spool")).FullName;
        var requests = SpoolRequests.ForDays(season.DataDir, new DateOnly(2025, 2, 11), new DateOnly(2025, 2, 11), limit: 30);
        await File.WriteAllLinesAsync(Path.Combine(spool, "outage.jsonl"), requests.Select(r => r.Json));

        // Five failing reads: the first batch's three attempts fail and it is nacked; redelivered, two more fail, then reads work.
        await using var service = ServiceProcess.Start(season.DataDir, temp.Path, new Dictionary<string, string>
        {
            ["STREAM_SPOOL__DIRECTORY"] = spool,
            ["STREAM_SPOOL__ACK_LOG"] = temp.File("acks.log"),
            ["STREAM_SPOOL__REDELIVERY_MILLISECONDS"] = "300",
            ["STREAM_RESILIENCE__RETRY__BASE_DELAY_MS"] = "5",
            ["STREAM_PIPELINE__FEATURE_BATCH_SIZE"] = "64",
            ["STREAM_FAULTS__FEATURES__TRANSIENT_FAILURES"] = "5",
        });
        await service.WaitUntilReadyAsync();
        var scrape = await service.ScrapeUntilAsync(s => s.Sum("stream_requests_succeeded_total") + s.Sum("stream_requests_failed_total") == 30,
            "all 30 requests to be written after the outage");

        Assert.True(scrape.Sum("stream_requests_handed_back_total", ("stage", "read")) >= 1);
        Assert.True(scrape.Sum("stream_operation_failures_total", ("operation", "feature_load")) >= 1);
        // Every one of the five failed reads was either retried or, as a batch's last attempt, handed back.
        Assert.Equal(5, scrape.Sum("stream_retries_total", ("operation", "feature_load")) + scrape.Sum("stream_operation_failures_total", ("operation", "feature_load")));
        Assert.Equal(0, scrape.Sum("stream_requests_in_flight"));
        // Freshness is exported from the start: the fixture's features were just built, and no game is today.
        var featuresAge = scrape.Series("stream_input_newest_row_age_seconds").Single(s => s.Labels["table"] == "features").Value;
        Assert.InRange(featuresAge, 0, 24 * 3600);
        Assert.True(scrape.Has("stream_input_newest_row_age_seconds", ("table", "box_scores")));
        Assert.Equal(0, scrape.Sum("stream_input_rows_today", ("table", "features")));
        using (var ready = await service.GetAsync("/readyz")) Assert.True(ready.IsSuccessStatusCode); // still serving

        service.SendSigterm();
        Assert.Equal(0, await service.WaitForExitAsync());
        Assert.Contains(service.Logs(), l => l.GetProperty("message").GetString()!.Contains("handed back to the source unacknowledged after the read failed", StringComparison.Ordinal)
                                             && l.GetProperty("severity").GetString() == "WARNING");

        var keys = WarehouseQuery.Rows(Path.Combine(season.DataDir, "warehouse.duckdb"), """
            SELECT count(*), count(DISTINCT (player_lookup, game_date, prop_type, system_id, current_points_line)), count(DISTINCT request_id)
            FROM nba_predictions.player_prop_predictions WHERE request_id LIKE 'outage.jsonl:%'
            """).Single();
        Assert.Equal(Convert.ToInt64(keys[0]), Convert.ToInt64(keys[1])); // each prediction once, despite the redelivery
        Assert.Equal(30, Convert.ToInt64(keys[2]));
        Assert.Equal(Enumerable.Range(1, 30).Select(i => $"outage.jsonl:{i}").Order(), (await File.ReadAllLinesAsync(temp.File("acks.log"))).Order());
    }
}
