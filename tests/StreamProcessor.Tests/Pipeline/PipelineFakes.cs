using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Features;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Tests.Pipeline;

/// <summary>Answers every key with a plausible feature row, except players named "unknown-*".</summary>
internal sealed class EveryPlayerFeatureStore : IFeatureStore
{
    public int Loads;

    public Task<IReadOnlyDictionary<PlayerDate, FeatureRecord>> LoadAsync(IReadOnlyCollection<PlayerDate> keys, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Loads);
        IReadOnlyDictionary<PlayerDate, FeatureRecord> result = keys
            .Where(k => !k.PlayerLookup.StartsWith("unknown-", StringComparison.Ordinal))
            .ToDictionary(k => k, k =>
            {
                var values = Enumerable.Repeat(1.0, FeatureCatalog.Count).ToArray();
                values[(int)Feature.PointsAvgLast5] = values[(int)Feature.PointsAvgLast10] = values[(int)Feature.PointsAvgSeason] = 20;
                values[(int)Feature.GamesPlayed] = 30;
                return new FeatureRecord(new PlayerFeatures(k, "20250212_LAL_UTA", "Lakers", "Jazz", values), [], DateTimeOffset.UtcNow);
            });
        return Task.FromResult(result);
    }
}

/// <summary>Records what was written; can be told to fail.</summary>
internal sealed class RecordingSinks : IPredictionSink, IDeadLetterSink, IEventPublisher, IExecutionLog
{
    public ConcurrentBag<WorkerRun> Runs { get; } = [];
    public ConcurrentBag<PredictionRow> Rows { get; } = [];
    public ConcurrentBag<DeadLetter> DeadLetters { get; } = [];
    public ConcurrentBag<CompletionEvent> Events { get; } = [];
    public bool FailWrites { get; init; }

    public Task WriteAsync(PredictionBatch batch, CancellationToken cancellationToken)
    {
        if (FailWrites) throw new IOException("the warehouse is unreachable");
        foreach (var row in batch.Rows) Rows.Add(row);
        foreach (var failure in batch.SystemFailures) DeadLetters.Add(failure);
        return Task.CompletedTask;
    }

    public Task WriteAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        foreach (var d in deadLetters) DeadLetters.Add(d);
        return Task.CompletedTask;
    }

    public Task WriteAsync(IReadOnlyList<WorkerRun> runs, CancellationToken cancellationToken)
    {
        foreach (var run in runs) Runs.Add(run);
        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<ProcessedRequest>> ProcessedAsync(IReadOnlyCollection<PlayerDate> keys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<ProcessedRequest>>(Runs.Where(r => r.Success && r.SkipReason is null)
            .Select(r => new ProcessedRequest(new PlayerDate(r.PlayerLookup!, r.GameDate!.Value), r.Prop!.Value, ProcessedRequest.LinesKey(r.LineValues), r.FeatureVersion!, r.ModelVersion))
            .ToHashSet());

    public Task PublishAsync(IReadOnlyList<CompletionEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events) Events.Add(e);
        return Task.CompletedTask;
    }
}

/// <summary>An endless stream of valid requests that signals when it has delivered a given number.</summary>
internal sealed class EndlessRequestSource(int signalAfter) : IRequestSource
{
    public ConcurrentDictionary<string, byte> Acknowledged { get; } = new();
    public int Delivered;
    public TaskCompletionSource ReachedSignal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async IAsyncEnumerable<SourceMessage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; ; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var json = $$"""{"player_lookup": "player-{{i}}", "game_date": "2025-02-12", "game_id": "20250212_LAL_UTA", "line_values": [19.5]}""";
            yield return new SourceMessage($"m-{i}", Encoding.UTF8.GetBytes(json));
            if (Interlocked.Increment(ref Delivered) == signalAfter) ReachedSignal.TrySetResult();
            await Task.Yield();
        }
    }

    public Task AcknowledgeAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        foreach (var id in messageIds) Acknowledged.TryAdd(id, 0);
        return Task.CompletedTask;
    }

    public Task NackAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken) => Task.CompletedTask;
}
