using System.Collections.Concurrent;
using Prometheus;
using StreamProcessor.Stream.Validation;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Systems;

namespace StreamProcessor.Stream.Pipeline.Observability;

/// <summary>
/// Exports what the pipeline reports as Prometheus metrics in <paramref name="registry"/>. Every series a
/// dashboard or alert reads is created up front (0 for each system, outcome, known reason and breaker), so a
/// scrape shows it before the first request. Labels are bounded: system ids, outcomes, reason codes, block
/// and stage names, retried operations; never a player, a request or a game.
/// </summary>
public sealed class PrometheusPipelineObserver : IPipelineObserver
{
    /// <summary>Operations a retry may name; anything else is counted as <c>other</c>, so a label can never grow unbounded.</summary>
    public static readonly IReadOnlyList<string> RetriedOperations = ["feature_load", "execution_log_read", "breaker_state", "write", "dead_letter_write", "execution_log", "publish", "acknowledge", "other"];

    /// <summary>Stages whose failure hands a batch back to its source (<see cref="IPipelineObserver.RequestsHandedBack"/>).</summary>
    public static readonly IReadOnlyList<string> HandBackStages = ["read", "write", "publish", "dead_letter"];

    /// <summary>Operations that can still fail after their retries (<see cref="IPipelineObserver.OperationFailed"/>); others count as <c>other</c>.</summary>
    public static readonly IReadOnlyList<string> FailingOperations = ["feature_load", "execution_log_read", "breaker_state_read", "breaker_state_write", "nack", "source", "other"];

    public static readonly IReadOnlyList<string> Outcomes = ["succeeded", "failed", "skipped"];

    public static readonly IReadOnlyList<string> BatchStages = ["feature_load", "write", "publish"];

    // 0.1 ms .. ~13 s: a system's microseconds and a whole request's batching delay on one scale.
    private static readonly double[] LatencyBuckets = Histogram.ExponentialBuckets(0.0001, 2, 18);
    // 1 ms .. ~55 s in quarter-octaves: a latency objective such as p99 <= 300 ms is read within about a tenth, not
    // within a factor of two (histogram_quantile interpolates inside one bucket).
    private static readonly double[] RequestLatencyBuckets = Histogram.ExponentialBuckets(0.001, Math.Pow(2, 0.25), 64);
    private static readonly double[] BatchBuckets = Histogram.ExponentialBuckets(1, 2, 11);

    private readonly Counter _received, _succeeded, _failed, _skipped, _unacknowledged, _deadLettered, _predictionsWritten, _systemOutcomes, _systemFailureReasons, _retries, _handedBack, _operationFailures;
    private readonly Gauge _breakerState, _queueDepth, _queueCapacity, _queueSaturation, _inFlight;
    private readonly Histogram _featureLoad, _systemDuration, _write, _publish, _requestDuration, _batchSize;
    private readonly ConcurrentDictionary<string, (Func<int> Depth, int Capacity)> _queues = new(StringComparer.Ordinal);

    public PrometheusPipelineObserver(CollectorRegistry registry)
    {
        var metrics = Metrics.WithCustomRegistry(registry);
        _received = metrics.CreateCounter("stream_requests_received_total", "Requests read from the source.");
        _succeeded = metrics.CreateCounter("stream_requests_succeeded_total", "Requests written and acknowledged with at least one prediction.");
        _failed = metrics.CreateCounter("stream_requests_failed_total", "Requests written and acknowledged with no prediction: every system failed (reasons in dead_letter).");
        _skipped = metrics.CreateCounter("stream_requests_skipped_total", "Requests acknowledged without work: already predicted with the same lines and feature version.", "reason");
        _unacknowledged = metrics.CreateCounter("stream_requests_unacknowledged_total", "Requests whose output could not be written after retries; left unacknowledged for redelivery.");
        _deadLettered = metrics.CreateCounter("stream_requests_dead_lettered_total", "Unusable requests recorded in dead_letter and acknowledged, by reason.", "reason");
        _predictionsWritten = metrics.CreateCounter("stream_predictions_written_total", "Prediction rows written (upserted) and acknowledged, by system.", "system");
        _systemOutcomes = metrics.CreateCounter("stream_system_outcomes_total", "Results of each prediction system: succeeded, failed, or skipped (breaker open).", "system", "outcome");
        _systemFailureReasons = metrics.CreateCounter("stream_system_failure_reasons_total", "Failed or skipped system results, by reason code.", "system", "reason");
        _handedBack = metrics.CreateCounter("stream_requests_handed_back_total", "Requests handed back to the source unwritten (nacked) after a stage failed its retries; delivered again.", "stage");
        _operationFailures = metrics.CreateCounter("stream_operation_failures_total", "Reads, saves and the source failing after their retries, by operation.", "operation");
        _retries = metrics.CreateCounter("stream_retries_total", "Retries of transient failures, by operation.", "operation");
        _breakerState = metrics.CreateGauge("stream_breaker_state", "Circuit breaker of each system for each prop: 0 closed, 1 half-open, 2 open.", "system", "prop");
        _queueDepth = metrics.CreateGauge("stream_queue_depth", "Messages waiting in a pipeline block's input queue.", "block");
        _queueCapacity = metrics.CreateGauge("stream_queue_capacity", "Bounded capacity of a pipeline block.", "block");
        _queueSaturation = metrics.CreateGauge("stream_queue_saturation_ratio", "Queue depth over bounded capacity (1 = the block applies back-pressure).", "block");
        _inFlight = metrics.CreateGauge("stream_requests_in_flight", "Requests read but not yet acknowledged.");
        _featureLoad = metrics.CreateHistogram("stream_feature_load_duration_seconds", "One feature-store read for a batch of requests.", new HistogramConfiguration { Buckets = LatencyBuckets });
        _systemDuration = metrics.CreateHistogram("stream_system_duration_seconds", "One prediction by one system.", new HistogramConfiguration { Buckets = LatencyBuckets, LabelNames = ["system"] });
        _write = metrics.CreateHistogram("stream_write_duration_seconds", "One batch write of predictions and system failures.", new HistogramConfiguration { Buckets = LatencyBuckets });
        _publish = metrics.CreateHistogram("stream_publish_duration_seconds", "Publishing the completion events of one batch.", new HistogramConfiguration { Buckets = LatencyBuckets });
        _requestDuration = metrics.CreateHistogram("stream_request_duration_seconds", "End to end: read from the source until written, published and acknowledged.", new HistogramConfiguration { Buckets = RequestLatencyBuckets });
        _batchSize = metrics.CreateHistogram("stream_batch_size", "Requests per batch, by stage.", new HistogramConfiguration { Buckets = BatchBuckets, LabelNames = ["stage"] });

        foreach (var system in SystemIds.All)
        {
            _predictionsWritten.WithLabels(system).Publish();
            foreach (var outcome in Outcomes) _systemOutcomes.WithLabels(system, outcome).Publish();
            foreach (var prop in PropTypes.All) _breakerState.WithLabels(system, prop.Code()).Set((int)BreakerState.Closed);
            _systemDuration.WithLabels(system).Publish();
        }
        foreach (var system in SystemIds.All)
        foreach (var reason in SystemReasonCodes) _systemFailureReasons.WithLabels(system, reason).Publish();
        foreach (var reason in RejectReasonCodes) _deadLettered.WithLabels(reason).Publish();
        foreach (var operation in RetriedOperations) _retries.WithLabels(operation).Publish();
        foreach (var stage in BatchStages) _batchSize.WithLabels(stage).Publish();
        foreach (var stage in HandBackStages) _handedBack.WithLabels(stage).Publish();
        foreach (var operation in FailingOperations) _operationFailures.WithLabels(operation).Publish();
        _received.Publish();
        _succeeded.Publish();
        _failed.Publish();
        _skipped.WithLabels(RejectReasons.AlreadyProcessed).Publish();
        _unacknowledged.Publish();
        _inFlight.Set(0);
        _featureLoad.Publish();
        _write.Publish();
        _publish.Publish();
        _requestDuration.Publish();
        registry.AddBeforeCollectCallback(SampleQueues);
    }

    /// <summary>The request-level reason codes (<see cref="RejectReasons"/>), each a series from the start.</summary>
    public static IReadOnlyList<string> RejectReasonCodes { get; } = typeof(RejectReasons).GetFields()
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)
        .Where(code => code != RejectReasons.AlreadyProcessed).ToArray();

    /// <summary>Why a system fails (<see cref="FailureReason"/>) or is skipped (its breaker is open), each a series from the start.</summary>
    public static IReadOnlyList<string> SystemReasonCodes { get; } = [.. Enum.GetValues<FailureReason>().Select(r => r.Code()), "circuit_open"];

    public void RegisterQueue(string block, Func<int> depth, int boundedCapacity)
    {
        _queues[block] = (depth, boundedCapacity);
        _queueCapacity.WithLabels(block).Set(boundedCapacity);
        _queueDepth.WithLabels(block).Set(0);
        _queueSaturation.WithLabels(block).Set(0);
    }

    public void RequestReceived()
    {
        _received.Inc();
        _inFlight.Inc();
    }

    public void RequestDeadLettered(string reasonCode)
    {
        _deadLettered.WithLabels(reasonCode).Inc();
        _inFlight.Dec();
    }

    public void RequestSkipped(string reason)
    {
        _skipped.WithLabels(reason).Inc();
        _inFlight.Dec();
    }

    public void RequestsUnacknowledged(int requests, Exception error)
    {
        _unacknowledged.Inc(requests);
        _inFlight.Dec(requests);
    }

    public void RequestsHandedBack(int requests, string stage, Exception error) =>
        _handedBack.WithLabels(HandBackStages.Contains(stage) ? stage : HandBackStages[0]).Inc(requests);

    public void OperationFailed(string operation, Exception error) =>
        _operationFailures.WithLabels(FailingOperations.Contains(operation) ? operation : "other").Inc();

    public void SourceFailed(Exception error) => _operationFailures.WithLabels("source").Inc();

    public void RequestCompleted(TimeSpan endToEnd, int predictionsWritten, IReadOnlyList<string> systemsSucceeded)
    {
        _requestDuration.Observe(endToEnd.TotalSeconds);
        _inFlight.Dec();
        if (systemsSucceeded.Count == 0)
        {
            _failed.Inc();
            return;
        }
        _succeeded.Inc();
        // Every system that succeeded wrote one row per (distinct) line of the request.
        var perSystem = predictionsWritten / systemsSucceeded.Count;
        foreach (var system in systemsSucceeded) _predictionsWritten.WithLabels(system).Inc(perSystem);
    }

    public void SystemFinished(string systemId, SystemOutcomeKind outcome, string? reasonCode, TimeSpan duration)
    {
        _systemDuration.WithLabels(systemId).Observe(duration.TotalSeconds);
        _systemOutcomes.WithLabels(systemId, OutcomeLabel(outcome)).Inc();
        if (outcome != SystemOutcomeKind.Succeeded) _systemFailureReasons.WithLabels(systemId, reasonCode ?? "unknown").Inc();
    }

    public void FeaturesLoaded(int requests, TimeSpan duration)
    {
        _featureLoad.Observe(duration.TotalSeconds);
        _batchSize.WithLabels("feature_load").Observe(requests);
    }

    public void BatchWritten(int requests, int predictions, TimeSpan duration)
    {
        _write.Observe(duration.TotalSeconds);
        _batchSize.WithLabels("write").Observe(requests);
    }

    public void EventsPublished(int events, TimeSpan duration)
    {
        _publish.Observe(duration.TotalSeconds);
        _batchSize.WithLabels("publish").Observe(events);
    }

    public void Retrying(string operation, int attempt, Exception error) =>
        _retries.WithLabels(RetriedOperations.Contains(operation) ? operation : "other").Inc();

    public void BreakerStateChanged(string systemId, PropType prop, BreakerState state) => _breakerState.WithLabels(systemId, prop.Code()).Set((int)state);

    private static string OutcomeLabel(SystemOutcomeKind outcome) => outcome switch
    {
        SystemOutcomeKind.Succeeded => "succeeded",
        SystemOutcomeKind.Failed => "failed",
        _ => "skipped",
    };

    private void SampleQueues()
    {
        foreach (var (block, (depth, capacity)) in _queues)
        {
            int count;
            try { count = depth(); } catch (InvalidOperationException) { continue; } // a block torn down mid-scrape
            _queueDepth.WithLabels(block).Set(count);
            _queueSaturation.WithLabels(block).Set(capacity > 0 ? (double)count / capacity : 0);
        }
    }
}
