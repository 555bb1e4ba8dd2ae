using System.Net;
using System.Text.Json;
using DuckDB.NET.Data;
using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Service;

[Collection(ServiceCollection.Name)]
public class ServiceReadinessTests(RealSeasonFixture season)
{
    [Fact]
    public async Task Readyz_answers_503_until_the_warehouse_opens_then_200_while_healthz_answers_200_throughout()
    {
        using var temp = new TempDirectory();
        var environment = new Dictionary<string, string>
        {
            ["STREAM_SPOOL__DIRECTORY"] = temp.File("spool"),
            ["STREAM_SPOOL__ACK_LOG"] = temp.File("acks.log"),
        };

        ServiceProcess service;
        // Another process holding the warehouse (DuckDB allows one writer) makes it unreachable for the service.
        using (var holder = new DuckDBConnection($"Data Source={Path.Combine(season.DataDir, "warehouse.duckdb")}"))
        {
            holder.Open();
            service = ServiceProcess.Start(season.DataDir, temp.Path, environment);
            await service.EventuallyAsync(() => Task.FromResult(service.LogLines.FirstOrDefault(l => l.Contains("cannot be opened yet", StringComparison.Ordinal))),
                "the service to find the warehouse locked");

            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await service.GetAsync("/healthz")).StatusCode);
                using var notReady = await service.GetAsync("/readyz");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
                var body = JsonDocument.Parse(await notReady.Content.ReadAsStringAsync()).RootElement;
                Assert.False(body.GetProperty("ready").GetBoolean());
                Assert.NotEqual("ok", body.GetProperty("checks").GetProperty("warehouse").GetString());
                Assert.Equal("ok", body.GetProperty("checks").GetProperty("source").GetString());
                await Task.Delay(100);
            }
            var scrape = await service.ScrapeAsync();
            Assert.Equal(0, scrape.Sum("stream_ready", ("check", "warehouse")));
        }

        await using (service)
        {
            await service.EventuallyAsync(async () =>
            {
                Assert.Equal(HttpStatusCode.OK, (await service.GetAsync("/healthz")).StatusCode);
                using var response = await service.GetAsync("/readyz");
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
            }, "/readyz to answer 200 once the warehouse is released");

            var scrape = await service.ScrapeAsync();
            Assert.All(["warehouse", "model", "source", "pipeline"], check => Assert.Equal(1, scrape.Sum("stream_ready", ("check", check))));
            Assert.Equal(HttpStatusCode.OK, (await service.GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await service.GetAsync("/nothing-here")).StatusCode);

            service.SendSigterm();
            Assert.Equal(0, await service.WaitForExitAsync());
        }
    }
}
