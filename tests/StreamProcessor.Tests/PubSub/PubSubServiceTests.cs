using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamProcessor.Stream.Validation;
using StreamProcessor.Tests.EndToEnd;
using StreamProcessor.Tests.Service;
using Xunit.Abstractions;

namespace StreamProcessor.Tests.PubSub;

/// <summary>
/// `stream run --source pubsub` as a real child process against Google's Pub/Sub emulator. Requests are published
/// and events read through the emulator's REST API (no product code); results are read from the warehouse file.
/// </summary>
[Collection(ServiceCollection.Name)]
public class PubSubServiceTests(RealSeasonFixture season, ITestOutputHelper output)
{
    private static readonly DateOnly Day = new(2025, 2, 12);

    private static JsonObject DeadLetterPolicy(string topic, int maxDeliveryAttempts = 100) => new()
    {
        ["deadLetterPolicy"] = new JsonObject { ["deadLetterTopic"] = topic, ["maxDeliveryAttempts"] = maxDeliveryAttempts },
    };

    [Fact]
    public async Task A_day_of_requests_and_hostile_payloads_is_predicted_once_dead_lettered_with_reasons_and_announced_with_attributes()
    {
        var emulator = await PubSubEmulator.SharedAsync();
        var project = PubSubEmulator.NewProject();
        var forwarded = await emulator.Rest.CreateTopicAsync(project, "pubsub-dead-letters");
        using var scenario = await PubSubScenario.CreateAsync(season, ackDeadlineSeconds: 10, DeadLetterPolicy(forwarded));
        var deadLetterTopic = await scenario.Rest.CreateTopicAsync(project, "stream-dead-letters");
        var deadLetterAudit = await scenario.Rest.CreateSubscriptionAsync(deadLetterTopic, "dead-letter-audit", 60);
        var requests = SpoolRequests.ForDays(scenario.DataDir, Day, Day);
        Assert.True(requests.Count > 250, $"only {requests.Count} requests on {Day}");

        // A poison message: delivered twice already (pulled and nacked through REST) before the service sees it.
        var poison = (await scenario.Rest.PublishAsync(scenario.RequestsTopic, [requests[0].Json]))[0];
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var pulled = await EventuallyAsync(() => scenario.Rest.PullAsync(scenario.Subscription, 1), "the poison message");
            Assert.Equal(poison, pulled[0].MessageId);
            await scenario.Rest.ModifyAckDeadlineAsync(scenario.Subscription, [pulled[0].AckId], 0);
        }

        var hostile = HostilePayloads.All;
        Assert.True(hostile.Count >= 30);
        var validIds = new List<string>();
        var hostileIds = new List<string>();
        // Interleaved, the way a broken coordinator would mix them in.
        var perHostile = requests.Count / hostile.Count;
        for (var i = 0; i < hostile.Count; i++)
        {
            validIds.AddRange(await scenario.Rest.PublishAsync(scenario.RequestsTopic, requests.Skip(i * perHostile).Take(perHostile).Select(r => r.Json)));
            hostileIds.AddRange(await scenario.Rest.PublishAsync(scenario.RequestsTopic, [hostile[i].Payload]));
        }
        validIds.AddRange(await scenario.Rest.PublishAsync(scenario.RequestsTopic, requests.Skip(hostile.Count * perHostile).Select(r => r.Json)));
        var requestById = validIds.Zip(requests).ToDictionary(p => p.First, p => p.Second);
        var total = validIds.Count + hostileIds.Count + 1;

        await using (var service = scenario.Start(new Dictionary<string, string>
        {
            ["STREAM_SOURCE__PUBSUB__MAX_OUTSTANDING_MESSAGES"] = "50",
            ["STREAM_SOURCE__PUBSUB__ACK_DEADLINE_SECONDS"] = "10",
            ["STREAM_VALIDATION__MAX_DELIVERY_ATTEMPTS"] = "2",
            ["STREAM_EVENTS__PUBSUB__DEAD_LETTER_TOPIC"] = deadLetterTopic,
        }))
        {
            await service.WaitUntilReadyAsync();
            await service.ScrapeUntilAsync(s => PubSubScenario.Done(s) == total, $"all {total} messages to be written and acknowledged");
            // Past the ack deadline: anything not acknowledged (or not extended) would have come back by now.
            await Task.Delay(TimeSpan.FromSeconds(12));
            var scrape = await service.ScrapeAsync();
            Assert.Equal(total, scrape.Sum("stream_requests_received_total"));
            Assert.Equal(total, PubSubScenario.Done(scrape));
            Assert.Equal(1, scrape.Sum("stream_pubsub_redeliveries_total")); // the poison message's third attempt, nothing else
            Assert.Equal(0, scrape.Sum("stream_pubsub_outstanding_messages"));
            var peak = scrape.Sum("stream_pubsub_outstanding_messages_peak");
            output.WriteLine($"{total} messages; most outstanding at once: {peak}; lease extensions {scrape.Sum("stream_pubsub_lease_extensions_total")}");
            Assert.InRange(peak, 1, 50);
            service.SendSigterm();
            Assert.Equal(0, await service.WaitForExitAsync());
        }
        Assert.Empty(await scenario.Rest.PullAsync(scenario.Subscription)); // every message acknowledged, hostile ones included

        // Every valid request predicted, one row per key, and no request-level dead letter for any of them.
        var predicted = WarehouseQuery.Rows(scenario.Warehouse, """
            SELECT request_id, count(*) FROM nba_predictions.player_prop_predictions GROUP BY 1
            """).ToDictionary(r => (string)r[0], r => Convert.ToInt64(r[1]));
        Assert.Equal(validIds.Order(), predicted.Keys.Order());
        var keys = WarehouseQuery.Rows(scenario.Warehouse, """
            SELECT count(*), count(DISTINCT (player_lookup, game_date, prop_type, system_id, current_points_line)) FROM nba_predictions.player_prop_predictions
            """)[0].Select(Convert.ToInt64).ToArray();
        Assert.Equal(keys[0], keys[1]);

        var deadLetters = WarehouseQuery.Rows(scenario.Warehouse, """
            SELECT request_id, reason_code, message FROM nba_predictions.dead_letter WHERE system_id IS NULL
            """).Select(r => (Id: (string)r[0], Reason: (string)r[1], Message: (string)r[2])).ToArray();
        Assert.Equal(hostileIds.Append(poison).Order(), deadLetters.Select(d => d.Id).Order());
        var known = typeof(RejectReasons).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
        foreach (var (id, (_, expected)) in hostileIds.Zip(hostile))
        {
            var recorded = deadLetters.Single(d => d.Id == id);
            Assert.Contains(recorded.Reason, known);
            Assert.False(string.IsNullOrWhiteSpace(recorded.Message));
            if (expected is not null) Assert.True(expected == recorded.Reason, $"message {id}: expected {expected}, got {recorded.Reason} ({recorded.Message})");
        }
        Assert.Equal(RejectReasons.MaxDeliveryAttempts, deadLetters.Single(d => d.Id == poison).Reason);

        // One prediction-ready event per completed request, with its filtering attributes and stable request id.
        var events = await scenario.Rest.DrainAsync(scenario.EventsSubscription);
        Assert.Equal(validIds.Order(), events.Select(e => e.Attributes["request_id"]).Order());
        foreach (var e in events)
        {
            var request = requestById[e.Attributes["request_id"]];
            Assert.Equal(request.PlayerLookup, e.Attributes["player_lookup"]);
            Assert.Equal(request.GameDate.ToString("yyyy-MM-dd"), e.Attributes["game_date"]);
            Assert.Equal("points", e.Attributes["prop_type"]);
            Assert.Equal("succeeded", e.Attributes["outcome"]);
            using var body = JsonDocument.Parse(e.Data);
            Assert.Equal(e.Attributes["request_id"], body.RootElement.GetProperty("request_id").GetString());
            Assert.Equal(request.GameId, body.RootElement.GetProperty("game_id").GetString());
        }

        // The optional dead-letter topic got every request-level dead letter too, with its reason.
        var published = await scenario.Rest.DrainAsync(deadLetterAudit);
        Assert.Equal(hostileIds.Append(poison).Order(), published.Select(m => m.Attributes["request_id"]).Order());
        Assert.All(published, m => Assert.Equal(deadLetters.Single(d => d.Id == m.Attributes["request_id"]).Reason, m.Attributes["reason"]));
    }

    [Fact]
    public async Task Kill_9_mid_stream_and_a_restart_write_the_same_rows_as_a_clean_run_with_no_key_twice()
    {
        using var scenario = await PubSubScenario.CreateAsync(season, ackDeadlineSeconds: 10);
        var requests = SpoolRequests.ForDays(scenario.DataDir, new DateOnly(2025, 2, 13), new DateOnly(2025, 2, 13));
        Assert.True(requests.Count > 100, $"only {requests.Count} requests");
        using var clean = season.CopyDataDir();
        var file = Path.Combine(clean.Path, "requests.jsonl");
        await File.WriteAllLinesAsync(file, requests.Select(r => r.Json));
        await EndToEnd.Cli.RunOkAsync("replay", "--requests", file, "--data-dir", clean.Path);

        var ids = await scenario.Rest.PublishAsync(scenario.RequestsTopic, requests.Select(r => r.Json));
        var slow = new Dictionary<string, string> { ["STREAM_SOURCE__PUBSUB__ACK_DEADLINE_SECONDS"] = "10", ["STREAM_SOURCE__PUBSUB__MAX_OUTSTANDING_MESSAGES"] = "40" };
        var events = new List<PubSubRest.Received>();
        // Slow enough (about 30 requests a second) that the kill lands mid-stream however fast the machine is.
        await using (var first = scenario.Start(slow, extraArguments: ["--inject", "moving_average.delay_ms=60"]))
        {
            var scrape = await first.ScrapeUntilAsync(s => PubSubScenario.Done(s) >= requests.Count / 4, "a quarter of the requests to be done");
            Assert.True(PubSubScenario.Done(scrape) < requests.Count, "everything was done before the kill; the test did not stop mid-stream");
            await first.KillHardAsync();
        }
        await using (var second = scenario.Start(slow))
        {
            await EventuallyCoveredAsync(scenario, ids, events, () => second.Transcript, PubSubEmulator.PatienceAfterBrokenConnection(10));
            second.SendSigterm();
            Assert.Equal(0, await second.WaitForExitAsync());
        }

        Assert.Superset(ids.ToHashSet(), events.Select(e => e.Attributes["request_id"]).ToHashSet()); // every request's event at least once
        const string Rows = """
            SELECT player_lookup, game_date, prop_type, system_id, current_points_line, predicted_points, confidence_score, recommendation
            FROM nba_predictions.player_prop_predictions ORDER BY ALL
            """;
        var expected = WarehouseQuery.Rows(Path.Combine(clean.Path, "warehouse.duckdb"), Rows).Select(r => string.Join('|', r)).ToArray();
        var actual = WarehouseQuery.Rows(scenario.Warehouse, Rows).Select(r => string.Join('|', r)).ToArray();
        Assert.True(expected.Length > requests.Count, $"the clean run wrote only {expected.Length} rows");
        Assert.Equal(actual.Length, actual.Distinct().Count());
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Sigterm_exits_0_and_nacks_what_is_in_flight_so_the_next_process_gets_it_in_seconds_not_the_ack_deadline()
    {
        // A 600 s ack deadline (Pub/Sub's longest): a message in flight that was not nacked would not come back within this test's patience.
        var emulator = await PubSubEmulator.SharedAsync();
        var forwarded = await emulator.Rest.CreateTopicAsync(PubSubEmulator.NewProject(), "unused-dead-letters");
        using var scenario = await PubSubScenario.CreateAsync(season, ackDeadlineSeconds: 600, DeadLetterPolicy(forwarded));
        var requests = SpoolRequests.ForDays(scenario.DataDir, new DateOnly(2025, 2, 20), new DateOnly(2025, 2, 20), limit: 60);
        Assert.Equal(60, requests.Count);
        var ids = await scenario.Rest.PublishAsync(scenario.RequestsTopic, requests.Select(r => r.Json));
        var environment = new Dictionary<string, string>
        {
            ["STREAM_SOURCE__PUBSUB__ACK_DEADLINE_SECONDS"] = "600",
            ["STREAM_SOURCE__PUBSUB__MAX_OUTSTANDING_MESSAGES"] = "20",
            ["STREAM_SERVICE__DRAIN_SECONDS"] = "1",
        };
        var events = new List<PubSubRest.Received>();
        await using (var first = scenario.Start(environment, extraArguments: ["--inject", "moving_average.delay_ms=400"]))
        {
            await first.ScrapeUntilAsync(s => s.Sum("stream_pubsub_outstanding_messages") >= 10, "messages in flight");
            first.SendSigterm();
            Assert.Equal(0, await first.WaitForExitAsync());
        }
        events.AddRange(await scenario.Rest.DrainAsync(scenario.EventsSubscription));
        Assert.True(events.Count < requests.Count, "everything was done before SIGTERM; nothing was in flight");

        var restarted = Stopwatch.StartNew();
        await using (var second = scenario.Start(environment))
        {
            await EventuallyCoveredAsync(scenario, ids, events, () => second.Transcript);
            output.WriteLine($"the next process had every remaining request written {restarted.Elapsed.TotalSeconds:F1} s after it started (ack deadline 600 s)");
            var scrape = await second.ScrapeAsync();
            Assert.True(scrape.Sum("stream_pubsub_redeliveries_total") > 0, "the nacked messages should arrive as second deliveries");
            second.SendSigterm();
            Assert.Equal(0, await second.WaitForExitAsync());
        }
        var keys = WarehouseQuery.Rows(scenario.Warehouse, """
            SELECT count(*), count(DISTINCT (player_lookup, game_date, prop_type, system_id, current_points_line)), count(DISTINCT request_id) FROM nba_predictions.player_prop_predictions
            """)[0].Select(Convert.ToInt64).ToArray();
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(requests.Count, keys[2]);
    }

    [Fact]
    public async Task Two_cut_connections_mid_stream_are_reconnected_and_nothing_is_lost_or_written_twice()
    {
        // A dead-letter policy (never reached) makes Pub/Sub count delivery attempts, so redeliveries show in the metrics.
        var emulator = await PubSubEmulator.SharedAsync();
        var forwarded = await emulator.Rest.CreateTopicAsync(PubSubEmulator.NewProject(), "unused-dead-letters");
        using var scenario = await PubSubScenario.CreateAsync(season, ackDeadlineSeconds: 10, DeadLetterPolicy(forwarded));
        await using var proxy = new TcpCutter(scenario.Emulator.Host);
        var requests = SpoolRequests.ForDays(scenario.DataDir, new DateOnly(2025, 2, 21), new DateOnly(2025, 2, 21), limit: 150);
        Assert.Equal(150, requests.Count);
        var environment = new Dictionary<string, string>
        {
            ["STREAM_SOURCE__PUBSUB__ACK_DEADLINE_SECONDS"] = "10",
            ["STREAM_SOURCE__PUBSUB__MAX_OUTSTANDING_MESSAGES"] = "10",
            // Every hand-off to a dead stream counts as a delivery attempt: in one CI run the emulator gave the whole
            // second half to the first cut's dead stream 20 times before the live one got it, and the default limit
            // (10) then dead-lettered all 75 on arrival. That is the limit doing its job; what this test is about is
            // that they come back at all, and are written once.
            ["STREAM_VALIDATION__MAX_DELIVERY_ATTEMPTS"] = "0",
        };
        var events = new List<PubSubRest.Received>();
        var ids = new List<string>();
        await using (var service = scenario.Start(environment, proxy.Host, "--inject", "moving_average.delay_ms=20"))
        {
            // Each half is published, partly read, and then the connection is cut under it; the source must
            // notice, reopen the stream and read the rest (the emulator pushes a whole backlog at once, so the
            // break surfaces when the source reads the stream again). The second half is published after the first
            // cut, so the emulator may hand it to the dead stream first: it must come back, and be written once.
            var patience = PubSubEmulator.PatienceAfterBrokenConnection(10);
            for (var cut = 1; cut <= 2; cut++)
            {
                ids.AddRange(await scenario.Rest.PublishAsync(scenario.RequestsTopic, requests.Skip((cut - 1) * 75).Take(75).Select(r => r.Json)));
                await service.ScrapeUntilAsync(s => s.Sum("stream_requests_received_total") >= (cut - 1) * 75 + 30, $"{(cut - 1) * 75 + 30} requests read", patience);
                proxy.CutAll();
                await service.ScrapeUntilAsync(s => s.Sum("stream_pubsub_stream_reconnects_total") >= cut, $"the stream to reconnect after cut {cut}");
            }
            await EventuallyCoveredAsync(scenario, ids, events, () => service.Transcript, patience);
            var scrape = await service.ScrapeAsync();
            output.WriteLine($"reconnects: {scrape.Sum("stream_pubsub_stream_reconnects_total")}, redeliveries: {scrape.Sum("stream_pubsub_redeliveries_total")}, received {scrape.Sum("stream_requests_received_total")} of {ids.Count} published");
            service.SendSigterm();
            Assert.Equal(0, await service.WaitForExitAsync());
        }
        var rows = WarehouseQuery.Rows(scenario.Warehouse, """
            SELECT count(*), count(DISTINCT (player_lookup, game_date, prop_type, system_id, current_points_line)), count(DISTINCT request_id),
                   count(DISTINCT (player_lookup, game_date))
            FROM nba_predictions.player_prop_predictions
            """)[0].Select(Convert.ToInt64).ToArray();
        Assert.Equal(rows[0], rows[1]);
        Assert.Equal(requests.Count, rows[2]);
        Assert.Equal(requests.Count, rows[3]);
    }

    [Fact]
    public async Task A_message_slower_than_its_ack_deadline_has_its_lease_extended_and_is_not_redelivered_meanwhile()
    {
        var emulator = await PubSubEmulator.SharedAsync();
        var forwarded = await emulator.Rest.CreateTopicAsync(PubSubEmulator.NewProject(), "unused-dead-letters");
        using var scenario = await PubSubScenario.CreateAsync(season, ackDeadlineSeconds: 10, DeadLetterPolicy(forwarded));
        var request = SpoolRequests.ForDays(scenario.DataDir, Day, Day, limit: 1).Single();
        await scenario.Rest.PublishAsync(scenario.RequestsTopic, [request.Json]);
        await using var service = scenario.Start(new Dictionary<string, string> { ["STREAM_SOURCE__PUBSUB__ACK_DEADLINE_SECONDS"] = "10" },
            extraArguments: ["--inject", "moving_average.delay_ms=16000"]);
        var scrape = await service.ScrapeUntilAsync(s => PubSubScenario.Done(s) == 1, "the slow request to be written");
        Assert.Equal(1, scrape.Sum("stream_requests_received_total"));
        Assert.Equal(0, scrape.Sum("stream_pubsub_redeliveries_total"));
        Assert.True(scrape.Sum("stream_pubsub_lease_extensions_total") >= 2, $"lease extensions: {scrape.Sum("stream_pubsub_lease_extensions_total")}");
        service.SendSigterm();
        Assert.Equal(0, await service.WaitForExitAsync());
        Assert.Empty(await scenario.Rest.PullAsync(scenario.Subscription));
    }

    /// <summary>Drains the events subscription until every id in <paramref name="ids"/> has had its event.</summary>
    private static async Task EventuallyCoveredAsync(PubSubScenario scenario, IReadOnlyList<string> ids, List<PubSubRest.Received> events, Func<string> transcript, TimeSpan? patience = null)
    {
        var limit = patience ?? ServiceProcess.Patience;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            events.AddRange(await scenario.Rest.DrainAsync(scenario.EventsSubscription));
            var missing = ids.Except(events.Select(e => e.Attributes["request_id"])).Count();
            if (missing == 0) return;
            if (waited.Elapsed > limit)
                Assert.Fail($"{missing} of {ids.Count} requests still have no event after {limit.TotalSeconds} s\n{transcript()}");
            await Task.Delay(100);
        }
    }

    private static async Task<IReadOnlyList<PubSubRest.Received>> EventuallyAsync(Func<Task<IReadOnlyList<PubSubRest.Received>>> pull, string what)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var received = await pull();
            if (received.Count > 0) return received;
            if (waited.Elapsed > TimeSpan.FromSeconds(30)) Assert.Fail($"no {what} after 30 s");
            await Task.Delay(100);
        }
    }
}
