using StreamProcessor.Google.BigQuery;
using StreamProcessor.Google.BigQuery.Read;
using StreamProcessor.Tests.Service;

namespace StreamProcessor.Tests.Warehouse.BigQuery;

/// <summary>`stream run --warehouse bigquery` as a real child process against the local Storage server.</summary>
public sealed class BigQueryServiceTests
{
    [Fact]
    public async Task The_service_on_BigQuery_predicts_with_the_saved_model_and_swaps_in_a_newer_one_without_a_restart()
    {
        using var temp = new TempDirectory();
        var dataDir = temp.File("data");
        await using var server = await LocalBigQuery.StartAsync();
        string[] Verb(params string[] args) => [.. args, "--data-dir", dataDir, "--warehouse", "bigquery"];
        await server.StreamAsync(Verb("data", "load", "--box-scores", TestData.BoxScoresCsv));
        await server.StreamAsync(Verb("features", "build"));
        var first = (await server.StreamAsync(Verb("model", "train", "--until", "2025-01-15", "--json"))).Json.GetProperty("model_version").GetString()!;
        // features build on BigQuery leaves the data dir's file without features: the requests come from BigQuery's.
        var requests = await server.RequestsAsync(new DateOnly(2025, 2, 10), limit: 20);
        Assert.Equal(20, requests.Count);
        var spool = Directory.CreateDirectory(temp.File("spool")).FullName;

        await using var service = ServiceProcess.Start(dataDir, temp.Path, new Dictionary<string, string>
        {
            ["STREAM_WAREHOUSE__KIND"] = "bigquery",
            [BigQueryStorageOptions.EmulatorHostVariable] = server.Host,
            [BigQueryStorageOptions.ProjectVariable] = LocalBigQuery.Project,
            ["STREAM_SPOOL__DIRECTORY"] = spool,
            ["STREAM_SPOOL__ACK_LOG"] = temp.File("acks.log"),
            ["STREAM_MODEL__RELOAD_SECONDS"] = "1",
        });
        await service.WaitUntilReadyAsync();
        await File.WriteAllLinesAsync(Path.Combine(spool, "before.jsonl"), requests.Take(10).Select(r => r.Json));
        await service.ScrapeUntilAsync(s => s.Sum("stream_requests_succeeded_total") == 10, "the first 10 requests");
        Assert.Equal([(first, 10)], await XgboostVersionsAsync(server));

        // A training run saves into the data dir the service reads; it can open the embedded file because the service on
        // BigQuery holds none (on the embedded warehouse this train would wait for the lock).
        var second = (await server.StreamAsync(Verb("model", "train", "--until", "2025-02-01", "--json"))).Json.GetProperty("model_version").GetString()!;
        Assert.NotEqual(first, second);
        await service.EventuallyAsync(() => Task.FromResult(service.LogLines.FirstOrDefault(l => l.Contains("model reloaded", StringComparison.Ordinal))), "the model to be reloaded");
        await File.WriteAllLinesAsync(Path.Combine(spool, "after.jsonl"), requests.Skip(10).Select(r => r.Json));
        await service.ScrapeUntilAsync(s => s.Sum("stream_requests_succeeded_total") == 20, "the next 10 requests");

        Assert.Equal([(first, 10), (second, 10)], (await XgboostVersionsAsync(server)).OrderBy(v => v.Version == second).ToArray());
        service.SendSigterm();
        Assert.Equal(0, await service.WaitForExitAsync());
    }

    private static async Task<(string Version, int Rows)[]> XgboostVersionsAsync(LocalBigQuery server)
    {
        using var storage = server.Connect();
        var rows = await storage.Reader.ReadRowsAsync(new ReadRequest(storage.Table("nba_predictions", "player_prop_predictions"), ["model_version"], "system_id = 'xgboost_v1'"));
        return rows.GroupBy(r => (string)r["model_version"]!).Select(g => (g.Key, g.Count())).ToArray();
    }
}
