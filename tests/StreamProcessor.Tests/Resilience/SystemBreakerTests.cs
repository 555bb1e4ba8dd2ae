using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Resilience.CircuitBreaker;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Systems;

namespace StreamProcessor.Tests.Resilience;

/// <summary>The breakers against an in-memory table and a hand-moved clock: what counts, what is keyed, what is adopted.</summary>
public class SystemBreakerTests
{
    private static readonly BreakerOptions Options = new() { FailureThreshold = 5, BreakSeconds = 1800, SamplingSeconds = 600, StateCacheSeconds = 30 };

    private sealed class Named(string id) : IPredictionSystem
    {
        public string Id => id;
        public SystemResult Predict(PredictionInput input) => throw new NotSupportedException("the tests pass the outcome");
    }

    private static readonly IPredictionSystem Similarity = new Named(SystemIds.Similarity);
    private static readonly IPredictionSystem Xgboost = new Named(SystemIds.Xgboost);

    private static SystemResult Success(string system) => new SystemPrediction { SystemId = system, PredictedPoints = 20 };

    private static SystemResult Failure(string system, FailureReason reason) =>
        new SystemFailure { SystemId = system, Reason = reason, Message = reason.Code() };

    private static (SystemBreakers Breakers, InMemoryBreakerStore Store, ManualClock Clock) Create()
    {
        var store = new InMemoryBreakerStore();
        var clock = new ManualClock();
        return (new SystemBreakers(SystemIds.All, Options, store, NullPipelineObserver.Instance, clock), store, clock);
    }

    [Fact]
    public void Declines_about_a_requests_data_never_open_the_breaker_and_never_keep_a_faulty_system_from_opening_it()
    {
        var (breakers, _, _) = Create();
        var calls = 0;

        // twelve players in their second game: similarity declines each of them
        for (var i = 0; i < 12; i++)
            breakers.Execute(Similarity, PropType.Points, () => { calls++; return Failure(SystemIds.Similarity, FailureReason.InsufficientHistory); });
        // then 40 veterans: every one of them reaches the system
        var veterans = Enumerable.Range(0, 40)
            .Select(_ => breakers.Execute(Similarity, PropType.Points, () => { calls++; return Success(SystemIds.Similarity); }).Result)
            .ToArray();

        Assert.Equal(52, calls);
        Assert.All(veterans, r => Assert.IsType<SystemPrediction>(r));
        Assert.Equal(BreakerState.Closed, breakers.All[new BreakerKey(SystemIds.Similarity, PropType.Points)].State);

        // declines are neutral both ways: interleaved with real faults, they do not count as successes either
        var (fresh, _, _) = Create();
        var tripped = new List<bool>();
        for (var i = 0; i < 5; i++)
        {
            fresh.Execute(Xgboost, PropType.Points, () => Failure(SystemIds.Xgboost, FailureReason.MissingFeatures));
            tripped.Add(fresh.Execute(Xgboost, PropType.Points, () => Failure(SystemIds.Xgboost, FailureReason.SystemError)).Tripped);
        }
        Assert.Equal([false, false, false, false, true], tripped);
        Assert.Equal(BreakerState.Open, fresh.All[new BreakerKey(SystemIds.Xgboost, PropType.Points)].State);
    }

    [Theory]
    [InlineData(FailureReason.SystemError, "system_error")]
    [InlineData(FailureReason.InvalidOutput, "system_error")]
    [InlineData(FailureReason.ModelUnavailable, "data_missing")]
    public void Faults_of_the_system_count_and_open_its_breaker_after_five(FailureReason reason, string cause)
    {
        var (breakers, store, _) = Create();
        for (var i = 0; i < 5; i++) breakers.Execute(Xgboost, PropType.Threes, () => Failure(SystemIds.Xgboost, reason));

        var skipped = breakers.Execute(Xgboost, PropType.Threes, () => Success(SystemIds.Xgboost)).Result;

        Assert.Equal(FailureReason.CircuitOpen, Assert.IsType<SystemFailure>(skipped).Reason);
        var row = store.Rows[new BreakerKey(SystemIds.Xgboost, PropType.Threes)];
        Assert.Equal((BreakerRecord.Open, cause, 5), (row.State, row.OpenCause, row.FailureCount));
    }

    [Fact]
    public void A_missing_threes_model_opens_the_threes_breaker_of_xgboost_only()
    {
        var (breakers, store, _) = Create();
        for (var i = 0; i < 10; i++)
            breakers.Execute(Xgboost, PropType.Threes, () => Failure(SystemIds.Xgboost, FailureReason.ModelUnavailable));

        var points = breakers.Execute(Xgboost, PropType.Points, () => Success(SystemIds.Xgboost)).Result;
        var rebounds = breakers.Execute(Xgboost, PropType.Rebounds, () => Success(SystemIds.Xgboost)).Result;

        Assert.IsType<SystemPrediction>(points);
        Assert.IsType<SystemPrediction>(rebounds);
        Assert.Equal([new BreakerKey(SystemIds.Xgboost, PropType.Threes)], store.Rows.Where(r => r.Value.State == BreakerRecord.Open).Select(r => r.Key));
    }

    [Fact]
    public async Task Another_replicas_open_breaker_is_adopted_even_when_the_local_window_holds_a_success()
    {
        var (breakers, store, clock) = Create();
        var key = new BreakerKey(SystemIds.Xgboost, PropType.Points);
        Assert.IsType<SystemPrediction>(breakers.Execute(Xgboost, PropType.Points, () => Success(SystemIds.Xgboost)).Result);

        // another replica opens it, and the cached table shows it once its TTL is over
        clock.Now += TimeSpan.FromSeconds(10);
        store.Rows[key] = new BreakerRecord
        {
            SystemId = key.SystemId, Prop = key.Prop, State = BreakerRecord.Open, FailureCount = 5, Threshold = 5, TimeoutSeconds = 1800,
            OpenedAt = clock.Now, OpenCause = BreakerRecord.CauseSystemError, LastFailures = ["elsewhere: system_error"], UpdatedAt = clock.Now,
        };
        clock.Now += TimeSpan.FromSeconds(31);
        breakers.Execute(Xgboost, PropType.Points, () => Success(SystemIds.Xgboost));
        await breakers.Store.Refreshing.WaitAsync(TimeSpan.FromSeconds(30));

        var calls = 0;
        var result = breakers.Execute(Xgboost, PropType.Points, () => { calls++; return Success(SystemIds.Xgboost); }).Result;

        Assert.Equal(0, calls);
        Assert.Equal(FailureReason.CircuitOpen, Assert.IsType<SystemFailure>(result).Reason);
        Assert.Equal(BreakerState.Open, breakers.All[key].State);
        Assert.Equal(BreakerRecord.Open, store.Rows[key].State);             // adopting writes nothing back over it
        Assert.Equal(["elsewhere: system_error"], store.Rows[key].LastFailures);
        // it keeps the other replica's break: 30 minutes from when that replica opened it
        clock.Now += TimeSpan.FromMinutes(29);
        Assert.Equal(FailureReason.CircuitOpen, Assert.IsType<SystemFailure>(breakers.Execute(Xgboost, PropType.Points, () => Success(SystemIds.Xgboost)).Result).Reason);
        clock.Now += TimeSpan.FromMinutes(1);
        Assert.IsType<SystemPrediction>(breakers.Execute(Xgboost, PropType.Points, () => Success(SystemIds.Xgboost)).Result);
        Assert.Equal(BreakerState.Closed, breakers.All[key].State);
    }

    [Fact]
    public void A_persisted_breaker_of_one_prop_is_restored_for_that_prop_only()
    {
        var store = new InMemoryBreakerStore();
        var clock = new ManualClock();
        var key = new BreakerKey(SystemIds.Xgboost, PropType.Threes);
        store.Rows[key] = new BreakerRecord
        {
            SystemId = key.SystemId, Prop = key.Prop, State = BreakerRecord.Open, FailureCount = 5, Threshold = 5, TimeoutSeconds = 1800,
            OpenedAt = clock.Now, OpenCause = BreakerRecord.CauseDataMissing, UpdatedAt = clock.Now,
        };

        var breakers = new SystemBreakers(SystemIds.All, Options, store, NullPipelineObserver.Instance, clock);

        Assert.Equal(BreakerState.Open, breakers.All[key].State);
        Assert.Equal(BreakerRecord.CauseDataMissing, breakers.All[key].OpenCause);
        Assert.All(breakers.All.Where(b => b.Key != key), b => Assert.Equal(BreakerState.Closed, b.Value.State));
    }
}
