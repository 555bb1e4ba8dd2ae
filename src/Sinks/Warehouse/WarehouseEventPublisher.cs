using DuckDB.NET.Data;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>Completion events into <c>nba_predictions.prediction_events</c>, one row per request id.</summary>
public sealed class WarehouseEventPublisher(Warehouse warehouse) : IEventPublisher
{
    private readonly AppendFirst _appendFirst = new();

    public Task PublishAsync(IReadOnlyList<CompletionEvent> events, CancellationToken cancellationToken) =>
        events.Count == 0 ? Task.CompletedTask : warehouse.InTransactionAsync(_appendFirst, (connection, mode) => Write(connection, mode, events), cancellationToken);

    internal static void Write(DuckDBConnection connection, WriteMode mode, IReadOnlyList<CompletionEvent> events) =>
        KeyedRows.Replace(connection, mode, "nba_predictions.prediction_events", "request_id", events, e => e.RequestId, (row, e) => row
            .AppendValue(e.RequestId).AppendValue(e.PlayerLookup).AppendValue(e.GameDate).AppendValue(e.GameId)
            .AppendValue(e.SystemsSucceeded.ToList()).AppendValue(e.SystemsFailed.ToList())
            .AppendValue(e.PredictionsWritten).AppendValue(e.PublishedAt.UtcDateTime)
            .AppendValue(e.PropType.Code()).AppendValue(e.LineValues.ToList()).AppendValue(e.FeatureVersion).AppendValue(e.ModelVersion));
}
