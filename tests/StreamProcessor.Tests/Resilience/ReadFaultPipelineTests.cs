using StreamProcessor.Systems.Domain;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Stream.Pipeline;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Resilience.CircuitBreaker;
using StreamProcessor.Stream.Resilience.Faults;
using StreamProcessor.Stream.Resilience.Retry;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Systems.Prediction.Systems.Ensemble;
using StreamProcessor.Systems.Prediction.Systems.MovingAverage;
using StreamProcessor.Systems.Prediction.Systems.ZoneMatchup;
using StreamProcessor.Tests.Pipeline;

namespace StreamProcessor.Tests.Resilience;

/// <summary>Reads fail like writes can: retried, and a batch that still cannot be read is handed back (nacked), never stranded or dropped.</summary>
public class ReadFaultPipelineTests
{
    private static readonly PipelineOptions SmallBatches = new() { FeatureBatchSize = 16, WriteBatchSize = 8, BoundedCapacity = 32 };
    private static readonly RetryOptions FastRetry = new() { MaxAttempts = 3, BaseDelayMs = 1, UseJitter = false };

    /// <summary>A fixed list of requests that records acknowledgements and nacks; optionally throws after some messages.</summary>
    private sealed class RecordingSource(IReadOnlyList<SourceMessage> messages, int? throwAfter = null) : IRequestSource
    {
        public ConcurrentDictionary<string, byte> Acknowledged { get; } = new();
        public ConcurrentBag<string> Nacked { get; } = [];

        public async IAsyncEnumerable<SourceMessage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; i < messages.Count; i++)
            {
                if (i == throwAfter) throw new IOException("the subscription went away");
                yield return messages[i];
            }
            await Task.CompletedTask;
        }

        public Task AcknowledgeAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
        {
            foreach (var id in messageIds) Acknowledged.TryAdd(id, 0);
            return Task.CompletedTask;
        }

        public Task NackAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
        {
            foreach (var id in messageIds) Nacked.Add(id);
            return Task.CompletedTask;
        }
    }

    private sealed class HandBackRecorder : IPipelineObserver
    {
        public ConcurrentBag<(int Requests, string Stage)> HandedBack { get; } = [];
        public ConcurrentBag<string> Failed { get; } = [];
        public ConcurrentBag<string> Retried { get; } = [];
        public void RequestsHandedBack(int requests, string stage, Exception error) => HandedBack.Add((requests, stage));
        public void OperationFailed(string operation, Exception error) => Failed.Add(operation);
        public void Retrying(string operation, int attempt, Exception error) => Retried.Add(operation);
        public void SourceFailed(Exception error) => Failed.Add("source");
    }

    private static string Valid(string player) =>
        $$"""{"player_lookup": "{{player}}", "game_date": "2025-02-12", "game_id": "20250212_LAL_UTA", "line_values": [19.5]}""";

    private static SourceMessage[] Messages(int count) =>
        Enumerable.Range(0, count).Select(i => new SourceMessage($"m-{i}", Encoding.UTF8.GetBytes(Valid($"player-{i}")))).ToArray();

    private static PipelineDependencies Dependencies(RecordingSinks sinks, HandBackRecorder observer,
        ReadFaultOptions? features = null, ReadFaultOptions? executionLog = null) => new()
    {
        FeatureStore = features is null ? new EveryPlayerFeatureStore() : new FaultInjectingFeatureStore(new EveryPlayerFeatureStore(), features),
        Systems = [new MovingAverageSystem(), new ZoneMatchupSystem(), new EnsembleSystem()],
        PredictionSink = sinks,
        DeadLetterSink = sinks,
        EventPublisher = sinks,
        ExecutionLog = executionLog is null ? sinks : new FaultInjectingExecutionLog(sinks, executionLog),
        SinkRetry = SinkRetry.Create(FastRetry),
        Observer = observer,
    };

    [Fact]
    public async Task Transient_feature_store_failures_are_retried_and_every_request_is_written_once()
    {
        var sinks = new RecordingSinks();
        var observer = new HandBackRecorder();
        var source = new RecordingSource(Messages(40));

        var result = await new PredictionPipeline(Dependencies(sinks, observer, features: new ReadFaultOptions { TransientFailures = 2 }), SmallBatches).RunAsync(source);

        Assert.Equal(40, result.RequestsCompleted);
        Assert.Equal(0, result.Unacknowledged);
        Assert.Equal(2, observer.Retried.Count(o => o == "feature_load"));
        Assert.Empty(source.Nacked);
        Assert.Equal(40, source.Acknowledged.Count);
        Assert.Equal(40 * 3, sinks.Rows.Select(r => (r.RequestId, r.SystemId)).Distinct().Count());
        Assert.Equal(40 * 3, sinks.Rows.Count);
    }

    [Fact]
    public async Task A_feature_store_that_stays_down_hands_every_batch_back_and_the_run_goes_on()
    {
        var sinks = new RecordingSinks();
        var observer = new HandBackRecorder();
        var source = new RecordingSource([.. Messages(40), new SourceMessage("bad", "{broken"u8.ToArray())]);

        var result = await new PredictionPipeline(Dependencies(sinks, observer, features: new ReadFaultOptions { Permanent = true }), SmallBatches).RunAsync(source);

        Assert.Equal(40, result.Unacknowledged);
        Assert.Contains("injected permanent feature store failure", result.LastError);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"m-{i}").Order(), source.Nacked.Order());
        Assert.Equal(["bad"], source.Acknowledged.Keys); // the dead letter needs no read, and was recorded
        Assert.Empty(sinks.Rows);
        Assert.DoesNotContain(sinks.Runs, r => r.RequestId != "bad");
        Assert.All(observer.HandedBack, h => Assert.Equal("read", h.Stage));
        Assert.Equal(40, observer.HandedBack.Sum(h => h.Requests));
        Assert.Contains("feature_load", observer.Failed);
    }

    [Fact]
    public async Task The_smart_skip_lookup_is_retried_and_when_it_stays_down_its_batches_are_handed_back()
    {
        var transientSinks = new RecordingSinks();
        var transientObserver = new HandBackRecorder();
        var transientSource = new RecordingSource(Messages(20));
        var transient = await new PredictionPipeline(
            Dependencies(transientSinks, transientObserver, executionLog: new ReadFaultOptions { TransientFailures = 2 }), SmallBatches).RunAsync(transientSource);

        Assert.Equal(20, transient.RequestsCompleted);
        Assert.Equal(2, transientObserver.Retried.Count(o => o == "execution_log_read"));
        Assert.Empty(transientSource.Nacked);

        var downSinks = new RecordingSinks();
        var downObserver = new HandBackRecorder();
        var downSource = new RecordingSource(Messages(20));
        var down = await new PredictionPipeline(
            Dependencies(downSinks, downObserver, executionLog: new ReadFaultOptions { Permanent = true }), SmallBatches).RunAsync(downSource);

        Assert.Equal(20, down.Unacknowledged);
        Assert.Equal(20, downSource.Nacked.Distinct().Count());
        Assert.Empty(downSource.Acknowledged);
        Assert.Empty(downSinks.Rows);
        Assert.Contains("execution_log_read", downObserver.Failed);
    }

    [Fact]
    public async Task A_batch_whose_write_fails_after_retries_is_handed_back_to_its_source()
    {
        var sinks = new RecordingSinks { FailWrites = true };
        var observer = new HandBackRecorder();
        var source = new RecordingSource(Messages(20));

        var result = await new PredictionPipeline(Dependencies(sinks, observer), SmallBatches).RunAsync(source);

        Assert.Equal(20, result.Unacknowledged);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"m-{i}").Order(), source.Nacked.Order());
        Assert.Empty(source.Acknowledged);
        Assert.All(observer.HandedBack, h => Assert.Equal("write", h.Stage));
    }

    private sealed class FailingDeadLetters : StreamProcessor.Sinks.DeadLetters.IDeadLetterSink
    {
        public Task WriteAsync(IReadOnlyList<StreamProcessor.Sinks.DeadLetters.DeadLetter> deadLetters, CancellationToken cancellationToken) =>
            throw new IOException("dead_letter table unreachable");
    }

    private sealed class FailingPublisher : StreamProcessor.Sinks.Events.IEventPublisher
    {
        public Task PublishAsync(IReadOnlyList<StreamProcessor.Sinks.Events.CompletionEvent> events, CancellationToken cancellationToken) =>
            throw new IOException("topic unreachable");
    }

    [Fact]
    public async Task Batches_whose_dead_letters_or_events_cannot_be_recorded_are_handed_back_too()
    {
        var sinks = new RecordingSinks();
        var observer = new HandBackRecorder();
        var source = new RecordingSource([.. Messages(10), new SourceMessage("bad", "{broken"u8.ToArray())]);
        var dependencies = Dependencies(sinks, observer) with { DeadLetterSink = new FailingDeadLetters(), EventPublisher = new FailingPublisher() };

        var result = await new PredictionPipeline(dependencies, SmallBatches).RunAsync(source);

        Assert.Equal(11, result.Unacknowledged);
        Assert.Empty(source.Acknowledged);
        string[] everything = [.. Enumerable.Range(0, 10).Select(i => $"m-{i}"), "bad"];
        Assert.Equal(everything.Order(StringComparer.Ordinal), source.Nacked.Order(StringComparer.Ordinal));
        Assert.Equal(1, observer.HandedBack.Where(h => h.Stage == "dead_letter").Sum(h => h.Requests));
        Assert.Equal(10, observer.HandedBack.Where(h => h.Stage == "publish").Sum(h => h.Requests));
    }

    [Fact]
    public async Task A_source_that_throws_ends_ingestion_drains_what_it_delivered_and_fails_the_run()
    {
        var sinks = new RecordingSinks();
        var observer = new HandBackRecorder();
        var source = new RecordingSource(Messages(30), throwAfter: 25);

        var failure = await Assert.ThrowsAsync<PipelineFaultedException>(() =>
            new PredictionPipeline(Dependencies(sinks, observer), SmallBatches with { BatchFlushMilliseconds = 600_000 }).RunAsync(source));

        Assert.Contains("the subscription went away", failure.Message);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"m-{i}").Order(), source.Acknowledged.Keys.Order()); // all 25 delivered were drained
        Assert.Equal(25 * 3, sinks.Rows.Count);
        Assert.Contains("source", observer.Failed);
    }

    private sealed class FlakyBreakerStore(int failures, bool forever = false) : IBreakerStateStore
    {
        private int _calls;
        public Dictionary<BreakerKey, BreakerRecord> Rows { get; } = new();

        public IReadOnlyDictionary<BreakerKey, BreakerRecord> ReadAll()
        {
            Fail();
            return new Dictionary<BreakerKey, BreakerRecord>(Rows);
        }

        public void Save(BreakerRecord record)
        {
            Fail();
            Rows[record.Key] = record;
        }

        public IReadOnlyList<BreakerKey> ResetDataStarved(DateTimeOffset now) => [];

        private void Fail()
        {
            if (forever || Interlocked.Increment(ref _calls) <= failures) throw new TimeoutException("breaker table timed out");
        }
    }

    [Fact]
    public void The_breaker_state_store_retries_transient_failures_and_when_it_stays_down_answers_the_last_state_it_read()
    {
        var observer = new HandBackRecorder();
        var record = new BreakerRecord { SystemId = "xgboost_v1", Prop = PropType.Points, State = BreakerRecord.Open, FailureCount = 5, Threshold = 5, TimeoutSeconds = 60, UpdatedAt = DateTimeOffset.UtcNow };
        var flaky = new FlakyBreakerStore(failures: 2);
        flaky.Rows[record.Key] = record;
        var store = new ResilientBreakerStateStore(flaky, SinkRetry.Create(FastRetry), observer);

        Assert.Equal(BreakerRecord.Open, store.ReadAll()[new BreakerKey("xgboost_v1", PropType.Points)].State); // two timeouts, then the third attempt reads
        Assert.Equal(2, observer.Retried.Count(o => o == "breaker_state"));

        var down = new ResilientBreakerStateStore(new FlakyBreakerStore(0, forever: true), SinkRetry.Create(FastRetry), observer);
        Assert.Empty(down.ReadAll()); // nothing read yet: no state from elsewhere, the local breakers decide
        down.Save(record); // dropped and reported, never thrown into a system call
        Assert.Contains("breaker_state_read", observer.Failed);
        Assert.Contains("breaker_state_write", observer.Failed);
    }
}
