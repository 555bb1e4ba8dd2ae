using Prometheus;
using StreamProcessor.Google.PubSub;

namespace StreamProcessor.Stream.Service;

/// <summary>
/// The Pub/Sub adapters' reports as Prometheus series (registered whatever the source, so a dashboard's series
/// exist from the first scrape), and the streaming pull's health as the readiness check <c>source</c>.
/// </summary>
internal sealed class PubSubMetrics : IPubSubObserver
{
    private readonly Gauge _outstanding, _outstandingPeak, _outstandingBytes, _waiting;
    private readonly Counter _leaseExtensions, _nacks, _reconnects, _redeliveries, _published;
    private readonly Histogram _publishDuration;
    private readonly object _peakGate = new();
    private Readiness? _readiness;
    private int _peak;

    public PubSubMetrics(CollectorRegistry registry)
    {
        var metrics = Metrics.WithCustomRegistry(registry);
        _outstanding = metrics.CreateGauge("stream_pubsub_outstanding_messages", "Pub/Sub messages in flight in the pipeline, not yet acknowledged or nacked (flow control keeps it at most source.pubsub.max_outstanding_messages).");
        _waiting = metrics.CreateGauge("stream_pubsub_waiting_messages", "Pub/Sub messages received beyond the flow-control limits, leased and waiting for room in the pipeline.");
        _outstandingPeak = metrics.CreateGauge("stream_pubsub_outstanding_messages_peak", "The most Pub/Sub messages outstanding at once since the start.");
        _outstandingBytes = metrics.CreateGauge("stream_pubsub_outstanding_bytes", "Bytes of the Pub/Sub messages in flight in the pipeline.");
        _leaseExtensions = metrics.CreateCounter("stream_pubsub_lease_extensions_total", "Ack-deadline extensions of messages still in flight.");
        _nacks = metrics.CreateCounter("stream_pubsub_nacks_total", "Messages handed back to Pub/Sub (ack deadline 0) for immediate redelivery.");
        _reconnects = metrics.CreateCounter("stream_pubsub_stream_reconnects_total", "Times the streaming pull ended or broke and was reopened.");
        _redeliveries = metrics.CreateCounter("stream_pubsub_redeliveries_total", "Messages delivered again (delivery attempt above 1, or a second delivery of one in flight).");
        _published = metrics.CreateCounter("stream_pubsub_published_messages_total", "Messages published to Pub/Sub topics (events and dead letters).");
        _publishDuration = metrics.CreateHistogram("stream_pubsub_publish_duration_seconds", "One Publish call to Pub/Sub, retries included.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 14) });
    }

    /// <summary>From now on the stream's health is the readiness check <c>source</c>.</summary>
    public void ReportTo(Readiness readiness) => _readiness = readiness;

    public void Outstanding(int messages, long bytes, int waiting)
    {
        _outstanding.Set(messages);
        _outstandingBytes.Set(bytes);
        _waiting.Set(waiting);
        lock (_peakGate)
        {
            if (messages <= _peak) return;
            _peak = messages;
            _outstandingPeak.Set(messages);
        }
    }

    public void LeasesExtended(int messages) => _leaseExtensions.Inc(messages);

    public void Nacked(int messages) => _nacks.Inc(messages);

    public void Redelivered() => _redeliveries.Inc();

    public void StreamConnected() => _readiness?.Passed(Readiness.Source);

    public void StreamBroken(string reason)
    {
        _reconnects.Inc();
        _readiness?.Waiting(Readiness.Source, "Pub/Sub streaming pull reconnecting: " + reason);
    }

    public void Published(int messages, TimeSpan latency)
    {
        _published.Inc(messages);
        _publishDuration.Observe(latency.TotalSeconds);
    }
}
