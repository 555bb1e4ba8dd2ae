using System.Collections.Concurrent;
using StreamProcessor.Stream.Pipeline.Observability;

namespace StreamProcessor.Stream.Pipeline;

/// <summary>
/// The run's summary, tallied from the same observer events metrics and logs get, so a block reports an
/// outcome once. Per-system tallies are counted at acknowledgement (<see cref="CountSystems"/>), as the
/// summary promises "predicted and written".
/// </summary>
internal sealed class PipelineCounters : IPipelineObserver
{
    private long _received, _completed, _predictionsWritten, _deadLettered, _skipped, _unacknowledged, _retries;
    private volatile Exception? _lastError;

    public ConcurrentDictionary<string, long> DeadLettersByReason { get; } = new();
    public ConcurrentDictionary<string, long> SkippedByReason { get; } = new();
    public ConcurrentDictionary<string, long> SystemSuccesses { get; } = new();
    public ConcurrentDictionary<string, long> SystemFailures { get; } = new();
    public ConcurrentDictionary<string, long> SystemSkips { get; } = new();

    public long Received => Interlocked.Read(ref _received);
    public long Completed => Interlocked.Read(ref _completed);
    public long PredictionsWritten => Interlocked.Read(ref _predictionsWritten);
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Every completed, dead-lettered or skipped request is acknowledged, and nothing else is.</summary>
    public long Acknowledged => Completed + DeadLettered + Interlocked.Read(ref _skipped);

    public long Unacknowledged => Interlocked.Read(ref _unacknowledged);
    public long Retries => Interlocked.Read(ref _retries);
    public Exception? LastError => _lastError;

    public void RequestReceived() => Interlocked.Increment(ref _received);

    public void RequestCompleted(TimeSpan endToEnd, int predictionsWritten, IReadOnlyList<string> systemsSucceeded)
    {
        Interlocked.Increment(ref _completed);
        Interlocked.Add(ref _predictionsWritten, predictionsWritten);
    }

    public void RequestDeadLettered(string reasonCode)
    {
        Interlocked.Increment(ref _deadLettered);
        DeadLettersByReason.AddOrUpdate(reasonCode, 1, (_, n) => n + 1);
    }

    public void RequestSkipped(string reason)
    {
        Interlocked.Increment(ref _skipped);
        SkippedByReason.AddOrUpdate(reason, 1, (_, n) => n + 1);
    }

    public void RequestsUnacknowledged(int requests, Exception error)
    {
        Interlocked.Add(ref _unacknowledged, requests);
        _lastError = error;
    }

    public void Retrying(string operation, int attempt, Exception error) => Interlocked.Increment(ref _retries);

    public void CountSystems(IReadOnlyList<string> succeeded, IReadOnlyList<string> failed, IReadOnlyList<string> skipped)
    {
        foreach (var id in succeeded) SystemSuccesses.AddOrUpdate(id, 1, (_, n) => n + 1);
        foreach (var id in failed) SystemFailures.AddOrUpdate(id, 1, (_, n) => n + 1);
        foreach (var id in skipped) SystemSkips.AddOrUpdate(id, 1, (_, n) => n + 1);
    }
}
