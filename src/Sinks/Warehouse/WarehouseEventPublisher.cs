using DuckDB.NET.Data;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>
/// Completion events into <c>nba_predictions.prediction_events</c>, one row per request id: an event published again
/// replaces the row of its request (<see cref="StoredRequestIds"/>).
/// </summary>
public sealed class WarehouseEventPublisher(Warehouse warehouse) : IEventPublisher
{
    private const string Table = "nba_predictions.prediction_events";

    public Task PublishAsync(IReadOnlyList<CompletionEvent> events, CancellationToken cancellationToken) =>
        events.Count == 0 ? Task.CompletedTask : warehouse.InKeyedTransactionAsync(connection => Write(connection, events), cancellationToken);

    /// <summary>On the caller's connection and transaction, which must be a keyed one.</summary>
    internal static void Write(DuckDBConnection connection, IReadOnlyList<CompletionEvent> events)
    {
        if (events.Count == 0) return;
        var latest = KeyedRows.LastPerKey(events, e => e.RequestId);
        var ids = latest.Select(e => (e.RequestId, (DateOnly?)e.GameDate)).ToArray();
        var stored = StoredRequestIds.Find(connection, Table, ids);
        StoredRequestIds.Delete(connection, Table, ids.Where(i => stored.Contains(i.RequestId)).ToArray());
        KeyedRows.Append(connection, Table, latest, Append);
    }

    private static void Append(IDuckDBAppenderRow row, CompletionEvent e) => row
            .AppendValue(e.RequestId).AppendValue(e.PlayerLookup).AppendValue(e.GameDate).AppendValue(e.GameId)
            .AppendValue(e.SystemsSucceeded.ToList()).AppendValue(e.SystemsFailed.ToList())
            .AppendValue(e.PredictionsWritten).AppendValue(e.PublishedAt.UtcDateTime)
            .AppendValue(e.PropType.Code()).AppendValue(e.LineValues.ToList()).AppendValue(e.FeatureVersion).AppendValue(e.ModelVersion);
}
