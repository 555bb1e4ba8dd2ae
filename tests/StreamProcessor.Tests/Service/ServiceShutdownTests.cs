using StreamProcessor.Systems.Prediction.Systems;
using StreamProcessor.Tests.EndToEnd;
using Xunit.Abstractions;

namespace StreamProcessor.Tests.Service;

[Collection(ServiceCollection.Name)]
public class ServiceShutdownTests(RealSeasonFixture season, ITestOutputHelper output)
{
    private const string File = "shutdown.jsonl";

    [Fact]
    public async Task Sigterm_mid_stream_exits_0_and_leaves_every_request_written_whole_or_unacknowledged_for_redelivery()
    {
        using var temp = new TempDirectory();
        var spool = Directory.CreateDirectory(temp.File("spool")).FullName;
        var requests = SpoolRequests.ForDays(season.DataDir, new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 9));
        Assert.True(requests.Count > 1000, $"only {requests.Count} requests");
        await System.IO.File.WriteAllLinesAsync(Path.Combine(spool, File), requests.Select(r => r.Json));
        var ackLog = temp.File("acks.log");
        Dictionary<string, string> Environment(int drainSeconds) => new()
        {
            ["STREAM_SPOOL__DIRECTORY"] = spool,
            ["STREAM_SPOOL__ACK_LOG"] = ackLog,
            ["STREAM_SERVICE__DRAIN_SECONDS"] = drainSeconds.ToString(),
        };

        // 1: a drain deadline of 0 abandons whatever is in flight the moment SIGTERM arrives.
        var abandoned = await RunAndStopMidStream(temp.Path, Environment(0));
        var ackedAfterAbandon = AssertAcknowledgedAreWrittenWhole(ackLog, requests.Count);
        Assert.True(ackedAfterAbandon.Count < requests.Count, $"all {requests.Count} requests were done before SIGTERM; the test did not stop mid-stream");
        Assert.Contains(abandoned.LogLines, l => new[] { "drain deadline", "did not stop within", "\"stopped:" }.Any(m => l.Contains(m, StringComparison.Ordinal)));

        // 2: the default deadline lets what was read finish; what was never read stays unacknowledged.
        await RunAndStopMidStream(temp.Path, Environment(8));
        var ackedAfterDrain = AssertAcknowledgedAreWrittenWhole(ackLog, requests.Count);
        Assert.Superset(ackedAfterAbandon.ToHashSet(), ackedAfterDrain.ToHashSet());
        output.WriteLine($"{requests.Count} fed; acknowledged after an abandoning stop: {ackedAfterAbandon.Count}, after a draining stop: {ackedAfterDrain.Count}");

        // 3: a restart delivers exactly the unacknowledged rest, and then every request is written once.
        await using (var service = ServiceProcess.Start(season.DataDir, temp.Path, Environment(8)))
        {
            var remaining = requests.Count - ackedAfterDrain.Count;
            var scrape = await service.ScrapeUntilAsync(s => Done(s) == remaining, $"the remaining {remaining} requests to be acknowledged");
            Assert.Equal(remaining, scrape.Sum("stream_requests_received_total"));
            service.SendSigterm();
            Assert.Equal(0, await service.WaitForExitAsync());
        }
        var acked = AssertAcknowledgedAreWrittenWhole(ackLog, requests.Count);
        Assert.Equal(Enumerable.Range(1, requests.Count).Select(i => $"{File}:{i}").Order(), acked.Order());
        var keys = WarehouseQuery.Rows(Path.Combine(season.DataDir, "warehouse.duckdb"), $"""
            SELECT count(*), count(DISTINCT (player_lookup, game_date, system_id, current_points_line)), count(DISTINCT request_id)
            FROM nba_predictions.player_prop_predictions WHERE request_id LIKE '{File}:%'
            """)[0].Select(Convert.ToInt64).ToArray();
        Assert.Equal(keys[0], keys[1]); // one row per key
        Assert.True(keys[2] >= requests.Count * 0.95, $"only {keys[2]} of {requests.Count} requests have predictions");
    }

    /// <summary>
    /// Starts the service and sends SIGTERM once it has read a request. Each request's moving average is held 3 ms
    /// (injected), so the stream takes seconds on any machine: on a fast one every request was written before the
    /// signal landed, and the stop was not mid-stream.
    /// </summary>
    private async Task<ServiceProcess> RunAndStopMidStream(string workingDirectory, Dictionary<string, string> environment)
    {
        var service = ServiceProcess.Start(season.DataDir, workingDirectory, environment, "--inject", "moving_average.delay_ms=3");
        try
        {
            await service.ScrapeUntilAsync(s => s.Sum("stream_requests_received_total") > 0, "the first request to be read");
            service.SendSigterm();
            Assert.Equal(0, await service.WaitForExitAsync());
            return service;
        }
        finally
        {
            await service.DisposeAsync();
        }
    }

    /// <summary>
    /// Every acknowledged request has all of its results in the warehouse (a row or a recorded failure for each
    /// of the five systems, or a request-level dead letter), and no request is there half: a request with any
    /// result has all of them. Returns the acknowledged ids.
    /// </summary>
    private List<string> AssertAcknowledgedAreWrittenWhole(string ackLog, int fed)
    {
        var acked = System.IO.File.Exists(ackLog) ? System.IO.File.ReadAllLines(ackLog).ToList() : [];
        Assert.Equal(acked.Count, acked.Distinct().Count());
        Assert.All(acked, id => Assert.StartsWith(File + ":", id));
        var results = WarehouseQuery.Rows(Path.Combine(season.DataDir, "warehouse.duckdb"), $"""
            SELECT request_id, sum(n)::BIGINT FROM (
                SELECT request_id, count(*) AS n FROM nba_predictions.player_prop_predictions WHERE request_id LIKE '{File}:%' GROUP BY 1
                UNION ALL
                SELECT request_id, count(*) FROM nba_predictions.dead_letter WHERE request_id LIKE '{File}:%' AND system_id IS NOT NULL GROUP BY 1
                UNION ALL
                SELECT request_id, {SystemIds.All.Count} FROM nba_predictions.dead_letter WHERE request_id LIKE '{File}:%' AND system_id IS NULL
            ) GROUP BY 1
            """).ToDictionary(r => (string)r[0], r => Convert.ToInt64(r[1]));
        foreach (var (request, count) in results)
            Assert.True(count == SystemIds.All.Count, $"{request} is half-written: {count} of {SystemIds.All.Count} system results");
        foreach (var id in acked)
            Assert.True(results.ContainsKey(id), $"{id} was acknowledged but nothing of it is in the warehouse");
        Assert.True(acked.Count <= fed);
        return acked;
    }

    private static double Done(PrometheusScrape s) =>
        s.Sum("stream_requests_succeeded_total") + s.Sum("stream_requests_failed_total") + s.Sum("stream_requests_dead_lettered_total");
}
