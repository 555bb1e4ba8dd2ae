using StreamProcessor.Systems.Domain;
using Prometheus;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Systems.Prediction.Systems;
using StreamProcessor.Tests.Service;

namespace StreamProcessor.Tests.Observability;

public class PrometheusPipelineObserverTests
{
    [Fact]
    public async Task Every_system_outcome_reason_and_breaker_series_exists_at_zero_before_any_request()
    {
        var registry = Metrics.NewCustomRegistry();
        _ = new PrometheusPipelineObserver(registry);

        var scrape = await PrometheusScrape.OfAsync(registry);

        foreach (var system in SystemIds.All)
        {
            Assert.True(scrape.Has("stream_breaker_state", ("system", system)));
            foreach (var prop in PropTypes.All) Assert.True(scrape.Has("stream_breaker_state", ("system", system), ("prop", prop.Code())));
            Assert.True(scrape.Has("stream_predictions_written_total", ("system", system)));
            foreach (var outcome in new[] { "succeeded", "failed", "skipped" })
                Assert.True(scrape.Has("stream_system_outcomes_total", ("system", system), ("outcome", outcome)));
            Assert.True(scrape.Has("stream_system_failure_reasons_total", ("system", system), ("reason", "circuit_open")));
        }
        Assert.True(scrape.Has("stream_requests_dead_lettered_total", ("reason", "malformed_json")));
        Assert.True(scrape.Has("stream_request_duration_seconds_bucket"));
        Assert.Equal(0, scrape.Sum("stream_requests_received_total"));
    }

    [Fact]
    public async Task Reports_become_counts_histograms_and_gauges_with_bounded_labels()
    {
        var registry = Metrics.NewCustomRegistry();
        var observer = new PrometheusPipelineObserver(registry);
        var depth = 0;
        observer.RegisterQueue("write", () => depth, 512);

        for (var i = 0; i < 3; i++) observer.RequestReceived();
        observer.RequestDeadLettered("no_features");
        observer.SystemFinished(SystemIds.Similarity, SystemOutcomeKind.Failed, "insufficient_history", TimeSpan.FromMilliseconds(2));
        observer.SystemFinished(SystemIds.Xgboost, SystemOutcomeKind.Skipped, "circuit_open", TimeSpan.Zero);
        observer.SystemFinished(SystemIds.MovingAverage, SystemOutcomeKind.Succeeded, null, TimeSpan.FromMilliseconds(1));
        observer.RequestCompleted(TimeSpan.FromMilliseconds(300), 6, [SystemIds.MovingAverage, SystemIds.Ensemble]); // 3 lines, 2 systems
        observer.BatchWritten(1, 6, TimeSpan.FromMilliseconds(5));
        observer.Retrying("write", 1, new IOException("429"));
        observer.Retrying("a-new-operation-nobody-listed", 1, new IOException("503"));
        observer.BreakerStateChanged(SystemIds.Xgboost, PropType.Threes, BreakerState.Open);
        depth = 128;

        var scrape = await PrometheusScrape.OfAsync(registry);

        Assert.Equal(3, scrape.Sum("stream_requests_received_total"));
        Assert.Equal(1, scrape.Sum("stream_requests_succeeded_total"));
        Assert.Equal(1, scrape.Sum("stream_requests_dead_lettered_total", ("reason", "no_features")));
        Assert.Equal(1, scrape.Sum("stream_requests_in_flight"));
        Assert.Equal(3, scrape.Sum("stream_predictions_written_total", ("system", SystemIds.MovingAverage)));
        Assert.Equal(3, scrape.Sum("stream_predictions_written_total", ("system", SystemIds.Ensemble)));
        Assert.Equal(0, scrape.Sum("stream_predictions_written_total", ("system", SystemIds.Xgboost)));
        Assert.Equal(1, scrape.Sum("stream_system_outcomes_total", ("system", SystemIds.Xgboost), ("outcome", "skipped")));
        Assert.Equal(1, scrape.Sum("stream_system_failure_reasons_total", ("system", SystemIds.Similarity), ("reason", "insufficient_history")));
        Assert.Equal(1, scrape.Sum("stream_request_duration_seconds_count"));
        Assert.Equal(0.3, scrape.Sum("stream_request_duration_seconds_sum"), 6);
        Assert.Equal(1, scrape.Sum("stream_batch_size_count", ("stage", "write")));
        Assert.Equal(1, scrape.Sum("stream_retries_total", ("operation", "write")));
        Assert.Equal(1, scrape.Sum("stream_retries_total", ("operation", "other")));
        Assert.DoesNotContain("a-new-operation", scrape.Text);
        Assert.Equal(2, scrape.Sum("stream_breaker_state", ("system", SystemIds.Xgboost)));
        Assert.Equal(2, scrape.Sum("stream_breaker_state", ("system", SystemIds.Xgboost), ("prop", "threes")));
        Assert.Equal(0, scrape.Sum("stream_breaker_state", ("system", SystemIds.Xgboost), ("prop", "points"))); // one breaker per prop
        Assert.Equal(128, scrape.Sum("stream_queue_depth", ("block", "write")));
        Assert.Equal(0.25, scrape.Sum("stream_queue_saturation_ratio", ("block", "write")));
        Assert.Equal(512, scrape.Sum("stream_queue_capacity", ("block", "write")));
    }
}
