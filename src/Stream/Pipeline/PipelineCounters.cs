using System.Collections.Concurrent;
using StreamProcessor.Stream.Pipeline.Observability;

namespace StreamProcessor.Stream.Pipeline;

/// <summary>Thread-safe tallies of one run, read into the run's summary.</summary>
internal sealed class PipelineCounters : IPipelineObserver
{
    public enum Outcome { Succeeded, Failed, Skipped }

    private long _received, _completed, _predictionsWritten, _deadLettered, _acknowledged, _unacknowledged, _retries;
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
    public long Acknowledged => Interlocked.Read(ref _acknowledged);
    public long Unacknowledged => Interlocked.Read(ref _unacknowledged);
    public Exception? LastError => _lastError;
    public long Retries => Interlocked.Read(ref _retries);

    public void Retrying(string operation, int attempt, Exception error) => Interlocked.Increment(ref _retries);

    public void CountReceived() => Interlocked.Increment(ref _received);

    public void CountCompleted(int requests, int predictions)
    {
        Interlocked.Add(ref _completed, requests);
        Interlocked.Add(ref _predictionsWritten, predictions);
    }

    public void CountDeadLettered(string reason)
    {
        Interlocked.Increment(ref _deadLettered);
        DeadLettersByReason.AddOrUpdate(reason, 1, (_, n) => n + 1);
    }

    public void CountSkipped(string reason) => SkippedByReason.AddOrUpdate(reason, 1, (_, n) => n + 1);

    public void CountAcknowledged(int messages) => Interlocked.Add(ref _acknowledged, messages);

    /// <summary>Requests whose output could not be written: left unacknowledged, for redelivery.</summary>
    public void CountUnacknowledged(int requests, Exception error)
    {
        Interlocked.Add(ref _unacknowledged, requests);
        _lastError = error;
    }

    public void CountSystem(string systemId, Outcome outcome) =>
        (outcome switch { Outcome.Succeeded => SystemSuccesses, Outcome.Failed => SystemFailures, _ => SystemSkips })
            .AddOrUpdate(systemId, 1, (_, n) => n + 1);
}
