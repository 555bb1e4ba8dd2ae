using Polly;
using Polly.CircuitBreaker;
using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Resilience.CircuitBreaker;

/// <summary>
/// The circuit breaker of one system for one prop: a Polly v8 pipeline whose state (read through its state
/// provider, changed through its manual control or by restoring failures) is the only state there is. This class
/// persists Polly's transitions and remembers the last failures for the table; it keeps no state machine of its own.
/// </summary>
/// <remarks>
/// Only faults of the system count (<see cref="FailureReasonCodes.IsSystemFault"/>): an exception, an unusable
/// number, a missing model. A decline about one request's data (too few similar games, ...) is the system working
/// as designed; while the breaker is closed such a call is made outside Polly, so it neither counts as a failure nor
/// dilutes the window as a success. While the breaker is half-open, whatever the probe returns other than a fault
/// closes it: the system answered.
/// </remarks>
public sealed class SystemBreaker
{
    private const int RememberedFailures = 10;
    private static readonly ResiliencePropertyKey<bool> TrippedKey = new("stream.breaker.tripped");

    private readonly BreakerKey _key;
    private readonly BreakerOptions _options;
    private readonly IBreakerStateStore _store;
    private readonly IPipelineObserver _observer;
    private readonly TimeProvider _clock;
    private readonly ResiliencePipeline<SystemResult> _pipeline;
    private readonly CircuitBreakerStateProvider _state = new();
    private readonly CircuitBreakerManualControl _control = new();
    private readonly LinkedList<string> _failures = new();
    private readonly object _gate = new();
    private TimeSpan? _restoredBreak;
    private BreakerRecord? _restoring;
    private int _failureCount;
    private string? _openCause;
    private const long NoSuccessTold = long.MinValue;
    private readonly long _successCoalescingTicks;
    private long _toldSuccessAtTicks = NoSuccessTold;

    public SystemBreaker(BreakerKey key, BreakerOptions options, IBreakerStateStore store, IPipelineObserver observer, TimeProvider clock)
    {
        _key = key;
        _options = options;
        _store = store;
        _observer = observer;
        _clock = clock;
        _successCoalescingTicks = TimeSpan.FromSeconds(options.SamplingSeconds / 100).Ticks;
        var builder = new ResiliencePipelineBuilder<SystemResult> { TimeProvider = clock };
        _pipeline = builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<SystemResult>
        {
            FailureRatio = 1.0,
            MinimumThroughput = options.FailureThreshold,
            SamplingDuration = TimeSpan.FromSeconds(options.SamplingSeconds),
            BreakDuration = TimeSpan.FromSeconds(options.BreakSeconds),
            BreakDurationGenerator = _ => ValueTask.FromResult(TakeRestoredBreak() ?? TimeSpan.FromSeconds(options.BreakSeconds)),
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null || args.Outcome.Result is SystemFailure { Reason: var r } && r.IsSystemFault()),
            StateProvider = _state,
            ManualControl = _control,
            OnOpened = args =>
            {
                ForgetToldSuccess();
                args.Context.Properties.Set(TrippedKey, true);
                Persist(BreakerRecord.Open, args.BreakDuration);
                return ValueTask.CompletedTask;
            },
            OnHalfOpened = _ =>
            {
                ForgetToldSuccess();
                Persist(BreakerRecord.HalfOpen, null);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                ForgetToldSuccess(); // Polly starts a fresh window
                lock (_gate)
                {
                    if (_restoring is not null) return ValueTask.CompletedTask; // clearing the window before a restore
                    _failureCount = 0;
                    _openCause = null;
                }
                Persist(BreakerRecord.Closed, null);
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    public BreakerKey Key => _key;

    public string SystemId => _key.SystemId;

    public BreakerState State => _state.CircuitState switch
    {
        CircuitState.Closed => BreakerState.Closed,
        CircuitState.HalfOpen => BreakerState.HalfOpen,
        _ => BreakerState.Open,
    };

    public string? OpenCause
    {
        get { lock (_gate) return _openCause; }
    }

    /// <summary>
    /// Runs <paramref name="predict"/> through the breaker. While the breaker is open the system is not called
    /// and a <see cref="FailureReason.CircuitOpen"/> result says so. <c>Tripped</c> is true when this call's
    /// failure opened the breaker.
    /// </summary>
    public (SystemResult Result, bool Tripped) Execute(Func<SystemResult> predict)
    {
        if (State != BreakerState.Closed) return Guarded(predict); // Polly decides: skip, or let this call probe
        var outcome = predict();
        if (outcome is SystemFailure { Reason: var reason } && !reason.IsSystemFault()) return (outcome, false);
        if (outcome is not SystemFailure && SuccessAlreadyTold()) return (outcome, false);
        return (outcome, Record(outcome));
    }

    /// <summary>
    /// True when Polly was told of a success less than a hundredth of the sampling window ago and of no fault since: then
    /// another success changes nothing it decides. With a failure ratio of 1.0 one success in the window keeps the
    /// breaker closed, and telling Polly of every success cost more than the four base systems themselves (its lock,
    /// on every call; perf/ profile of a season replay). The only difference: a run of faults after a run of successes
    /// can open the breaker up to that hundredth of the window sooner, as the success Polly holds is the run's first.
    /// </summary>
    private void ForgetToldSuccess() => Interlocked.Exchange(ref _toldSuccessAtTicks, NoSuccessTold);

    private bool SuccessAlreadyTold()
    {
        var told = Interlocked.Read(ref _toldSuccessAtTicks);
        return told != NoSuccessTold && _clock.GetUtcNow().UtcTicks - told < _successCoalescingTicks;
    }

    /// <summary>Brings Polly to a persisted OPEN state (after a restart, or opened by another replica) with the break time left.</summary>
    public void Restore(BreakerRecord record)
    {
        if (record.State == BreakerRecord.Closed || State != BreakerState.Closed) return;
        var remaining = (record.OpenedAt ?? record.UpdatedAt) + TimeSpan.FromSeconds(record.TimeoutSeconds) - _clock.GetUtcNow();
        lock (_gate) _restoring = record;
        ForgetToldSuccess();
        try
        {
            // Polly opens only when every call in its window failed: a success it saw here would keep it closed,
            // so the window is cleared first (a manual close of a closed breaker resets its counts, nothing else).
            _control.CloseAsync().GetAwaiter().GetResult();
            lock (_gate)
            {
                _restoredBreak = remaining > TimeSpan.FromMilliseconds(1) ? remaining : TimeSpan.FromMilliseconds(1);
                _failureCount = record.FailureCount;
                _openCause = record.OpenCause;
                _failures.Clear();
                foreach (var failure in record.LastFailures) _failures.AddLast(failure);
            }
            // Show Polly the threshold's worth of failures, without calling the system.
            var synthetic = new SystemFailure { SystemId = SystemId, Reason = FailureReason.SystemError, Message = "restored" };
            for (var i = 0; i < _options.FailureThreshold && State == BreakerState.Closed; i++)
                _pipeline.Execute(_ => (SystemResult)synthetic);
        }
        finally
        {
            lock (_gate) _restoring = null;
        }
    }

    /// <summary>Closes the breaker now (auto-reset when the missing data has arrived).</summary>
    public void Close() => _control.CloseAsync().GetAwaiter().GetResult();

    /// <summary>Tells Polly the outcome of a call made while the breaker was closed; true when it opened the breaker.</summary>
    private bool Record(SystemResult outcome)
    {
        var context = ResilienceContextPool.Shared.Get();
        try
        {
            _pipeline.Execute(_ =>
            {
                if (outcome is SystemFailure failure) RecordFailure(failure);
                return outcome;
            }, context);
            Interlocked.Exchange(ref _toldSuccessAtTicks, outcome is SystemFailure ? NoSuccessTold : _clock.GetUtcNow().UtcTicks);
            return context.Properties.GetValue(TrippedKey, false);
        }
        catch (BrokenCircuitException)
        {
            // Another call opened the breaker while this one ran; its result stands, it just did not trip anything.
            if (outcome is SystemFailure failure) RecordFailure(failure);
            return false;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private (SystemResult Result, bool Tripped) Guarded(Func<SystemResult> predict)
    {
        var context = ResilienceContextPool.Shared.Get();
        try
        {
            var result = _pipeline.Execute(_ =>
            {
                var outcome = predict();
                if (outcome is SystemFailure { Reason: var reason } failure && reason.IsSystemFault()) RecordFailure(failure);
                return outcome;
            }, context);
            return (result, context.Properties.GetValue(TrippedKey, false));
        }
        catch (BrokenCircuitException e)
        {
            return (new SystemFailure
            {
                SystemId = SystemId,
                Reason = FailureReason.CircuitOpen,
                Message = e is IsolatedCircuitException
                    ? $"{SystemId} is isolated by its {_key.Prop.Code()} breaker"
                    : $"{SystemId} skipped: its {_key.Prop.Code()} breaker is open{(OpenCause is { } cause ? $" ({cause})" : "")}; retry after {e.RetryAfter?.TotalSeconds ?? _options.BreakSeconds:F0} s",
            }, false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private TimeSpan? TakeRestoredBreak()
    {
        lock (_gate)
        {
            var value = _restoredBreak;
            _restoredBreak = null;
            return value;
        }
    }

    private void RecordFailure(SystemFailure failure)
    {
        lock (_gate)
        {
            _failureCount++;
            _openCause = failure.Reason is FailureReason.ModelUnavailable ? BreakerRecord.CauseDataMissing : BreakerRecord.CauseSystemError;
            _failures.AddFirst($"{_clock.GetUtcNow():O} {failure.Reason.Code()}: {failure.Message}");
            while (_failures.Count > RememberedFailures) _failures.RemoveLast();
        }
    }

    private void Persist(string state, TimeSpan? breakDuration)
    {
        BreakerRecord record;
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            record = _restoring is { } restored && state == BreakerRecord.Open
                ? restored // a restore re-creates the persisted state; it is not a new opening
                : new BreakerRecord
                {
                    SystemId = SystemId,
                    Prop = _key.Prop,
                    State = state,
                    FailureCount = _failureCount,
                    Threshold = _options.FailureThreshold,
                    TimeoutSeconds = (breakDuration ?? TimeSpan.FromSeconds(_options.BreakSeconds)).TotalSeconds,
                    OpenedAt = state == BreakerRecord.Open ? now : null,
                    OpenCause = state == BreakerRecord.Closed ? null : _openCause,
                    LastFailures = _failures.ToArray(),
                    UpdatedAt = now,
                };
            LastPersisted = record.UpdatedAt;
        }
        if (!ReferenceEquals(record, _restoring)) _store.Save(record);
        _observer.BreakerStateChanged(SystemId, _key.Prop, state switch
        {
            BreakerRecord.Open => BreakerState.Open,
            BreakerRecord.HalfOpen => BreakerState.HalfOpen,
            _ => BreakerState.Closed,
        });
    }

    /// <summary>When this process last wrote this breaker's row; a newer row was written by someone else.</summary>
    public DateTimeOffset LastPersisted { get; private set; }
}
