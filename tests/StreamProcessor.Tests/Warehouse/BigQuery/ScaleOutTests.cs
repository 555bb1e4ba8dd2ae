using StreamProcessor.Google.BigQuery;
using StreamProcessor.Google.BigQuery.Read;
using StreamProcessor.Tests.EndToEnd;
using StreamProcessor.Tests.PubSub;
using StreamProcessor.Tests.Service;
using Xunit.Abstractions;

namespace StreamProcessor.Tests.Warehouse.BigQuery;

/// <summary>
/// Three `stream run --warehouse bigquery --source pubsub` replicas (child processes) on one emulator subscription and
/// one local BigQuery Storage server; one is killed with SIGKILL mid-stream. A day of requests (one per player,
/// a few hundred), not February: each replica runs the whole pipeline on 2 cores, and a day already shows the
/// redelivery and the shared breaker; February would add minutes of CI for the same proof.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class ScaleOutTests(RealSeasonFixture season, ITestOutputHelper output)
{
    private static readonly DateOnly Day = new(2025, 2, 12);

    [Fact]
    public async Task Three_replicas_one_killed_every_request_predicted_once_per_key_and_one_replicas_breaker_honoured_by_the_others()
    {
        using var scenario = await PubSubScenario.CreateAsync(season, ackDeadlineSeconds: 10);
        await using var bigQuery = await LocalBigQuery.StartAsync();
        // The tables the replicas read: box scores and features into BigQuery (the season's model is in the data dir).
        await bigQuery.StreamAsync("data", "load", "--box-scores", TestData.BoxScoresCsv, "--data-dir", scenario.DataDir, "--warehouse", "bigquery");
        await bigQuery.StreamAsync("features", "build", "--data-dir", scenario.DataDir, "--warehouse", "bigquery");
        var requests = SpoolRequests.ForDays(scenario.DataDir, Day, Day);
        Assert.True(requests.Count > 250, $"only {requests.Count} requests on {Day}");
        var (early, rest) = (requests.Take(40).ToArray(), requests.Skip(40).ToArray());

        var environment = new Dictionary<string, string>
        {
            ["STREAM_WAREHOUSE__KIND"] = "bigquery",
            [BigQueryStorageOptions.EmulatorHostVariable] = bigQuery.Host,
            // GOOGLE_CLOUD_PROJECT is the Pub/Sub scenario's project; the BigQuery one is configured.
            ["STREAM_BIGQUERY__PROJECT"] = LocalBigQuery.Project,
            ["STREAM_SOURCE__PUBSUB__MAX_OUTSTANDING_MESSAGES"] = "10",
            ["STREAM_SOURCE__PUBSUB__ACK_DEADLINE_SECONDS"] = "10",
            ["STREAM_RESILIENCE__BREAKER__STATE_CACHE_SECONDS"] = "1",
        };
        await using var failing = scenario.Start(environment, null, "--inject", "xgboost_v1.throw=1");
        await failing.WaitUntilReadyAsync();
        // The failing replica alone takes the first requests: its xgboost_v1 breaker opens and is appended to BigQuery.
        await scenario.Rest.PublishAsync(scenario.RequestsTopic, early.Select(r => r.Json));
        await failing.ScrapeUntilAsync(s => s.Sum("stream_breaker_state", ("system", "xgboost_v1"), ("prop", "points")) == 2, "xgboost_v1/points to open in the failing replica");
        await failing.ScrapeUntilAsync(s => PubSubScenario.Done(s) == early.Length, "the first requests");

        await using var doomed = scenario.Start(environment);
        await using var survivor = scenario.Start(environment);
        await doomed.WaitUntilReadyAsync();
        await survivor.WaitUntilReadyAsync();
        await scenario.Rest.PublishAsync(scenario.RequestsTopic, rest.Select(r => r.Json));
        await doomed.ScrapeUntilAsync(s => s.Sum("stream_requests_received_total") >= 10, "the doomed replica to take messages");
        // The survivor's stream must be taking messages too before the kill: otherwise the failing replica may take
        // every message left and the survivor, having predicted nothing, cannot show that it honours the breaker.
        await survivor.ScrapeUntilAsync(s => s.Sum("stream_requests_received_total") >= 1, "the survivor to take messages");
        var doomedDone = PubSubScenario.Done(await doomed.ScrapeAsync());
        await doomed.KillHardAsync();

        var replicas = new[] { failing, survivor };
        var deadline = DateTime.UtcNow + PubSubEmulator.PatienceAfterBrokenConnection(10);
        double survivorsDone;
        while (true)
        {
            survivorsDone = 0;
            foreach (var replica in replicas) survivorsDone += PubSubScenario.Done(await replica.ScrapeAsync());
            if ((await RunsAsync(bigQuery)).Count == requests.Count) break;
            Assert.True(DateTime.UtcNow < deadline, $"only {(await RunsAsync(bigQuery)).Count} of {requests.Count} requests in the execution log\n{survivor.Transcript}");
            await Task.Delay(500);
        }
        output.WriteLine($"{requests.Count} requests; the killed replica completed {doomedDone} before SIGKILL, the survivors {survivorsDone}");

        // The survivors took the killed replica's unacknowledged messages: together with what it finished, all of them.
        // It was scraped just before the SIGKILL and may have finished up to its 10 in flight in between.
        Assert.True(survivorsDone + doomedDone + 10 >= requests.Count, $"survivors {survivorsDone} + killed {doomedDone} (+ at most 10 in flight) < {requests.Count}");
        // Exactly once per key, read back through the Read API.
        using var storage = bigQuery.Connect();
        var rows = await storage.Reader.ReadRowsAsync(new ReadRequest(storage.Table("nba_predictions", "player_prop_predictions"),
            ["player_lookup", "prop_type", "system_id", "current_points_line"], $"game_date = '{Day:yyyy-MM-dd}'"));
        var keys = rows.Select(r => $"{r["player_lookup"]}/{r["prop_type"]}/{r["system_id"]}/{r["current_points_line"]}").ToArray();
        Assert.Equal(keys.Length, keys.Distinct().Count());
        // Every request has its run in the execution log, and its predictions where a system succeeded.
        var runs = await RunsAsync(bigQuery);
        Assert.Equal(requests.Select(r => r.PlayerLookup).Order(), runs.Keys.Order());
        Assert.Equal(runs.Where(r => r.Value.Contains("moving_average")).Select(r => r.Key).Order(),
            rows.Where(r => (string)r["system_id"]! == "moving_average").Select(r => (string)r["player_lookup"]!).Order());
        Assert.True(runs.Count(r => r.Value.Contains("moving_average")) > requests.Count - 10, "most requests predicted");
        // The breaker the failing replica opened is honoured by the survivor, which never failed xgboost_v1 itself.
        var scrape = await survivor.ScrapeAsync();
        var xgboost = string.Join(", ", scrape.Series("stream_system_outcomes_total").Concat(scrape.Series("stream_system_failure_reasons_total"))
            .Where(s => s.Labels.GetValueOrDefault("system") == "xgboost_v1" && s.Value > 0)
            .Select(s => $"{s.Labels.GetValueOrDefault("outcome") ?? s.Labels.GetValueOrDefault("reason")}={s.Value}"));
        output.WriteLine($"the survivor's xgboost_v1: {xgboost}");
        Assert.True(scrape.Sum("stream_system_outcomes_total", ("system", "xgboost_v1"), ("outcome", "skipped")) > 0, $"{xgboost}\n{survivor.Transcript}");
        Assert.True(scrape.Sum("stream_system_outcomes_total", ("system", "xgboost_v1"), ("outcome", "failed")) == 0, $"{xgboost}\n{survivor.Transcript}");
    }

    /// <summary>The execution log of the day: the systems that succeeded per player (one request per player).</summary>
    private static async Task<Dictionary<string, string[]>> RunsAsync(LocalBigQuery bigQuery)
    {
        using var storage = bigQuery.Connect();
        var rows = await storage.Reader.ReadRowsAsync(new ReadRequest(storage.Table("nba_predictions", "prediction_worker_runs"),
            ["player_lookup", "systems_succeeded"], $"game_date = '{Day:yyyy-MM-dd}'"));
        return rows.GroupBy(r => (string)r["player_lookup"]!)
            .ToDictionary(g => g.Key, g => g.SelectMany(r => ((IReadOnlyList<object?>)r["systems_succeeded"]!).Select(s => (string)s!)).Distinct().ToArray());
    }
}
