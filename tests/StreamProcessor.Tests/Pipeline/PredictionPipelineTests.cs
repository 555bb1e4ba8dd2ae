using System.Text;
using StreamProcessor.Stream.Pipeline;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Systems;
using StreamProcessor.Systems.Prediction.Systems.Ensemble;
using StreamProcessor.Systems.Prediction.Systems.MovingAverage;
using StreamProcessor.Systems.Prediction.Systems.ZoneMatchup;

namespace StreamProcessor.Tests.Pipeline;

public class PredictionPipelineTests
{
    private static readonly PipelineOptions SmallBatches = new() { FeatureBatchSize = 16, WriteBatchSize = 8, BoundedCapacity = 32 };

    private sealed class ThrowingSystem : IPredictionSystem
    {
        public string Id => "always_throws";
        public SystemResult Predict(PredictionInput input) => throw new InvalidOperationException("boom");
    }

    /// <summary>A system with a bug that yields a number the warehouse must never see.</summary>
    private sealed class NonFiniteSystem(double predicted, double? expectedError) : IPredictionSystem
    {
        public string Id => "non_finite";
        public SystemResult Predict(PredictionInput input) => new SystemPrediction { SystemId = Id, PredictedPoints = predicted, ExpectedError = expectedError };
    }

    private static PipelineDependencies Dependencies(RecordingSinks sinks, EveryPlayerFeatureStore? store = null, params IPredictionSystem[] extra) => new()
    {
        FeatureStore = store ?? new EveryPlayerFeatureStore(),
        Systems = [new MovingAverageSystem(), new ZoneMatchupSystem(), .. extra, new EnsembleSystem()],
        PredictionSink = sinks,
        DeadLetterSink = sinks,
        EventPublisher = sinks,
        ExecutionLog = sinks,
    };

    private static InMemoryRequestSource Requests(params string[] payloads) =>
        new(payloads.Select((p, i) => new SourceMessage($"m-{i}", Encoding.UTF8.GetBytes(p))).ToArray());

    private static string Valid(string player, params double[] lines) =>
        $$"""{"player_lookup": "{{player}}", "game_date": "2025-02-12", "game_id": "20250212_LAL_UTA", "line_values": [{{string.Join(", ", lines.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)))}}]}""";

    [Fact]
    public async Task Every_request_is_written_once_per_system_and_line_and_then_acknowledged()
    {
        var sinks = new RecordingSinks();
        var store = new EveryPlayerFeatureStore();
        var source = Requests(Enumerable.Range(0, 100).Select(i => Valid($"player-{i}", 19.5, 21.5)).ToArray());

        // No timed flush: batches form by size (and at completion) only, so the count of reads is exact.
        var result = await new PredictionPipeline(Dependencies(sinks, store), SmallBatches with { BatchFlushMilliseconds = 600_000 }).RunAsync(source);

        Assert.Equal(100, result.Requests);
        Assert.Equal(100, result.RequestsCompleted);
        Assert.Equal(100 * 3 * 2, result.PredictionsWritten); // moving_average, zone_matchup_v1, ensemble_v1 x two lines
        Assert.Equal(600, sinks.Rows.Select(r => (r.PlayerLookup, r.SystemId, r.LineValue)).Distinct().Count());
        Assert.Equal(100, sinks.Events.Count);
        Assert.Equal(100, source.Acknowledged.Count);
        Assert.Equal(7, store.Loads); // ceil(100 / 16): one feature-store read per batch, never one per request
    }

    [Fact]
    public async Task A_throwing_system_is_recorded_per_request_and_the_others_carry_on()
    {
        var sinks = new RecordingSinks();
        var source = Requests(Valid("a-player", 19.5), Valid("b-player", 19.5));

        var result = await new PredictionPipeline(Dependencies(sinks, null, new ThrowingSystem()), SmallBatches).RunAsync(source);

        Assert.Equal(2, result.RequestsCompleted);
        Assert.Equal(2, result.SystemFailures["always_throws"]);
        Assert.Equal(2, sinks.Rows.Count(r => r.SystemId == SystemIds.Ensemble));
        Assert.All(sinks.DeadLetters, d => Assert.Equal(("always_throws", "system_error"), (d.SystemId!, d.ReasonCode)));
        Assert.Contains("boom", sinks.DeadLetters.First().Message);
    }

    [Theory]
    [InlineData(double.NaN, 3.0)]
    [InlineData(double.PositiveInfinity, 3.0)]
    [InlineData(21.0, double.NaN)]
    [InlineData(21.0, double.NegativeInfinity)]
    public async Task A_non_finite_prediction_is_refused_before_writing_as_a_failure_of_the_system(double predicted, double expectedError)
    {
        var sinks = new RecordingSinks();
        var source = Requests(Valid("a-player", 19.5), Valid("b-player", 19.5));

        var result = await new PredictionPipeline(Dependencies(sinks, null, new NonFiniteSystem(predicted, expectedError)), SmallBatches).RunAsync(source);

        Assert.Equal(2, result.RequestsCompleted);
        Assert.Equal(2, result.SystemFailures["non_finite"]);
        Assert.DoesNotContain(sinks.Rows, r => r.SystemId == "non_finite");
        Assert.All(sinks.Rows, r => Assert.True(double.IsFinite(r.PredictedPoints) && double.IsFinite(r.ConfidenceScore)));
        var refused = sinks.DeadLetters.Where(d => d.SystemId == "non_finite").ToArray();
        Assert.Equal(2, refused.Length);
        Assert.All(refused, d => Assert.Equal("invalid_output", d.ReasonCode));
        Assert.All(refused, d => Assert.Contains("not a finite number", d.Message));
        Assert.True(FailureReason.InvalidOutput.IsSystemFault()); // so it counts towards the system's breaker
    }

    [Fact]
    public async Task Bad_and_unknown_requests_are_dead_lettered_and_acknowledged_while_the_rest_are_predicted()
    {
        var sinks = new RecordingSinks();
        var source = Requests(Valid("a-player", 19.5), "{not json", Valid("unknown-player", 10.5), Valid("b-player", 0), Valid("c-player", 12.5));

        var result = await new PredictionPipeline(Dependencies(sinks), SmallBatches).RunAsync(source);

        Assert.Equal(5, result.Requests);
        Assert.Equal(2, result.RequestsCompleted);
        Assert.Equal(3, result.DeadLettered);
        Assert.Equal(["invalid_line", "malformed_json", "no_features"], sinks.DeadLetters.Where(d => d.SystemId is null).Select(d => d.ReasonCode).Order());
        Assert.Equal(["a-player", "c-player"], sinks.Rows.Select(r => r.PlayerLookup).Distinct().Order());
        Assert.Equal(5, source.Acknowledged.Count);
    }

    [Fact]
    public async Task Stopping_drains_what_was_read_so_every_delivered_request_is_written_or_still_unacknowledged()
    {
        var sinks = new RecordingSinks();
        var source = new EndlessRequestSource(signalAfter: 200);
        using var stop = new CancellationTokenSource();

        var run = new PredictionPipeline(Dependencies(sinks), SmallBatches).RunAsync(source, stop.Token);
        await source.ReachedSignal.Task;
        stop.Cancel();
        var result = await run;

        Assert.True(result.Requests >= 200);
        Assert.Equal(result.Requests, result.RequestsCompleted); // nothing read was abandoned half-way
        var written = sinks.Rows.Select(r => r.RequestId).ToHashSet();
        Assert.Equal(written, source.Acknowledged.Keys.ToHashSet());
        Assert.Equal(result.Requests, source.Acknowledged.Count);
    }

    [Fact]
    public async Task A_sink_that_keeps_failing_leaves_its_batches_unacknowledged_and_the_run_goes_on()
    {
        var sinks = new RecordingSinks { FailWrites = true };
        var source = Requests([.. Enumerable.Range(0, 50).Select(i => Valid($"player-{i}", 19.5)), "{broken"]);

        var result = await new PredictionPipeline(Dependencies(sinks), SmallBatches).RunAsync(source);

        Assert.Equal(50, result.Unacknowledged);
        Assert.Contains("warehouse is unreachable", result.LastError);
        Assert.Equal(["m-50"], source.Acknowledged); // only the dead letter, which was recorded
        Assert.Empty(sinks.Events);
        Assert.Equal(0, result.RequestsCompleted);
    }

    /// <summary>Counts the messages delivered and not yet acknowledged or handed back, and the most there ever were.</summary>
    private sealed class OutstandingCountingSource(InMemoryRequestSource inner) : IRequestSource
    {
        private int _outstanding, _most;

        public int MostOutstanding => Volatile.Read(ref _most);
        public IReadOnlyCollection<string> Acknowledged => inner.Acknowledged;

        public async IAsyncEnumerable<SourceMessage> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var message in inner.ReadAsync(cancellationToken))
            {
                var now = Interlocked.Increment(ref _outstanding);
                int most;
                while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most) { }
                yield return message;
            }
        }

        public Task AcknowledgeAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
        {
            Interlocked.Add(ref _outstanding, -messageIds.Count);
            return inner.AcknowledgeAsync(messageIds, cancellationToken);
        }

        public Task NackAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
        {
            Interlocked.Add(ref _outstanding, -messageIds.Count);
            return inner.NackAsync(messageIds, cancellationToken);
        }
    }

    [Fact]
    public async Task The_source_is_read_only_while_fewer_requests_than_the_limit_are_in_flight_and_every_one_still_ends()
    {
        var sinks = new RecordingSinks();
        var payloads = Enumerable.Range(0, 120).Select(i => i % 10 == 3 ? "{broken" : Valid($"player-{i}", 19.5)).ToArray();
        var source = new OutstandingCountingSource(Requests(payloads));

        // The batches are larger than the limit: they leave when the source is held at it, not on the (long) clock.
        var options = SmallBatches with { MaxRequestsInFlight = 5, BatchFlushMilliseconds = 600_000 };
        var result = await new PredictionPipeline(Dependencies(sinks), options).RunAsync(source).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.InRange(source.MostOutstanding, 1, 5);
        Assert.Equal(120, result.Requests);
        Assert.Equal(108, result.RequestsCompleted);
        Assert.Equal(12, result.DeadLettered);
        Assert.Equal(120, source.Acknowledged.Count);
    }

    [Fact]
    public async Task Requests_handed_back_free_their_places_in_flight_so_a_failing_sink_never_stalls_the_source()
    {
        var sinks = new RecordingSinks { FailWrites = true };
        var source = new OutstandingCountingSource(Requests([.. Enumerable.Range(0, 40).Select(i => Valid($"player-{i}", 19.5)), "{broken"]));

        var result = await new PredictionPipeline(Dependencies(sinks), SmallBatches with { MaxRequestsInFlight = 3 }).RunAsync(source)
            .WaitAsync(TimeSpan.FromMinutes(2));

        Assert.InRange(source.MostOutstanding, 1, 3);
        Assert.Equal(41, result.Requests);
        Assert.Equal(40, result.Unacknowledged);
        Assert.Equal(["m-40"], source.Acknowledged);
    }
}
