using Prometheus;
using WarehouseFile = StreamProcessor.Sinks.Warehouse.Warehouse;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Service.Freshness;
using StreamProcessor.Tests.EndToEnd;
using Microsoft.Extensions.Logging.Abstractions;

namespace StreamProcessor.Tests.Service;

[Collection(RealSeasonCollection.Name)]
public class FreshnessMonitorTests(RealSeasonFixture season)
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Each_input_table_reports_the_age_of_its_newest_row_and_its_rows_for_todays_game_date()
    {
        using var data = season.CopyDataDir();
        var path = Path.Combine(data.Path, WarehouseFile.FileName);
        WarehouseQuery.Rows(path, "UPDATE nba_predictions.ml_feature_store_v2 SET computed_at = TIMESTAMPTZ '2025-02-11 12:00:00+00'");
        WarehouseQuery.Rows(path, "UPDATE nba_analytics.player_game_summary SET loaded_at = TIMESTAMPTZ '2025-02-12 15:00:00+00'");
        WarehouseQuery.Rows(path, """
            INSERT INTO nba_raw.odds_api_player_props VALUES
              ('lebron-james', 'LeBron James', DATE '2025-02-12', 'points', 24.5, -110, -110, 'book_a', 'test', 'test', TIMESTAMPTZ '2025-02-12 12:00:00+00'),
              ('lebron-james', 'LeBron James', DATE '2025-02-11', 'points', 25.5, -110, -110, 'book_a', 'test', 'test', TIMESTAMPTZ '2025-02-11 12:00:00+00')
            """);
        var featuresOnTheDay = Convert.ToInt64(WarehouseQuery.Rows(path, "SELECT count(*) FROM nba_predictions.ml_feature_store_v2 WHERE game_date = DATE '2025-02-12'")[0][0]);
        Assert.True(featuresOnTheDay > 100);

        using var warehouse = WarehouseFile.Open(path);
        var registry = Metrics.NewCustomRegistry();
        var clock = new FixedClock(DateTimeOffset.Parse("2025-02-12T18:00:00Z")); // 13:00 in New York: game day 2025-02-12
        var monitor = new FreshnessMonitor(new WarehouseInputFreshness(warehouse), new FreshnessOptions(), registry, NullLogger.Instance, clock);

        Assert.True(await monitor.RefreshAsync(CancellationToken.None));
        var scrape = await PrometheusScrape.OfAsync(registry);

        Assert.Equal(30 * 3600, scrape.Sum("stream_input_newest_row_age_seconds", ("table", "features")));
        Assert.Equal(3 * 3600, scrape.Sum("stream_input_newest_row_age_seconds", ("table", "box_scores")));
        Assert.Equal(featuresOnTheDay, scrape.Sum("stream_input_rows_today", ("table", "features")));
        Assert.Equal(6 * 3600, scrape.Sum("stream_input_newest_row_age_seconds", ("table", "lines"))); // the sportsbook lines of migration 007
        Assert.Equal(1, scrape.Sum("stream_input_rows_today", ("table", "lines")));

        // Ages grow at every scrape without a new check; the game date turns over at midnight in New York, not UTC.
        clock.Now = DateTimeOffset.Parse("2025-02-13T04:30:00Z");
        scrape = await PrometheusScrape.OfAsync(registry);
        Assert.Equal(40.5 * 3600, scrape.Sum("stream_input_newest_row_age_seconds", ("table", "features")));
        Assert.Equal(new DateOnly(2025, 2, 12), monitor.Today);
        clock.Now = DateTimeOffset.Parse("2025-07-01T12:00:00Z");
        Assert.True(await monitor.RefreshAsync(CancellationToken.None));
        Assert.Equal(0, (await PrometheusScrape.OfAsync(registry)).Sum("stream_input_rows_today", ("table", "features"))); // the offseason: no features today
    }

    private sealed class FlakyInputs : StreamProcessor.Sinks.Freshness.IInputFreshness
    {
        public int Calls;

        public Task<IReadOnlyList<StreamProcessor.Sinks.Freshness.InputFreshness>> ReadAsync(DateOnly today, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref Calls) == 2) throw new IOException("warehouse busy"); // one failed check on the way
            return Task.FromResult<IReadOnlyList<StreamProcessor.Sinks.Freshness.InputFreshness>>(
                [new("features", DateTimeOffset.UtcNow, Calls)]);
        }
    }

    [Fact]
    public async Task The_monitor_checks_again_every_period_and_a_failed_check_does_not_stop_it()
    {
        var inputs = new FlakyInputs();
        var registry = Metrics.NewCustomRegistry();
        var monitor = new FreshnessMonitor(inputs, new FreshnessOptions { RefreshSeconds = 1 }, registry, NullLogger.Instance);
        using var stop = new CancellationTokenSource();

        var running = monitor.RunAsync(stop.Token);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref inputs.Calls) < 3)
        {
            Assert.False(running.IsCompleted, "the monitor stopped");
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "no third check");
            await Task.Delay(50);
        }
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30)); // ends quietly when asked

        Assert.True((await PrometheusScrape.OfAsync(registry)).Sum("stream_input_rows_today", ("table", "features")) >= 3);
    }

    [Fact]
    public async Task An_empty_table_is_infinitely_stale()
    {
        using var temp = new TempDirectory();
        using var warehouse = WarehouseFile.OpenInDirectory(temp.Path);
        var registry = Metrics.NewCustomRegistry();
        var monitor = new FreshnessMonitor(new WarehouseInputFreshness(warehouse), new FreshnessOptions(), registry, NullLogger.Instance);

        Assert.True(await monitor.RefreshAsync(CancellationToken.None));
        var scrape = await PrometheusScrape.OfAsync(registry);

        Assert.Equal(double.PositiveInfinity, scrape.Sum("stream_input_newest_row_age_seconds", ("table", "box_scores")));
        Assert.Equal(double.PositiveInfinity, scrape.Sum("stream_input_newest_row_age_seconds", ("table", "features")));
        Assert.Equal(0, scrape.Sum("stream_input_rows_today", ("table", "features")));
    }
}
