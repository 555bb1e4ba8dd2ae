using StreamProcessor.Systems.Domain;
using StreamProcessor.Sinks.Events;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>Completion events into <c>nba_predictions.prediction_events</c>, one row per request id.</summary>
public sealed class WarehouseEventPublisher(Warehouse warehouse) : IEventPublisher
{
    public Task PublishAsync(IReadOnlyList<CompletionEvent> events, CancellationToken cancellationToken) =>
        events.Count == 0 ? Task.CompletedTask : warehouse.InTransactionAsync(connection =>
            StagedUpsert.Replace(connection, "nba_predictions.prediction_events", "request_id", events, (row, e) => row
                .AppendValue(e.RequestId).AppendValue(e.PlayerLookup).AppendValue(e.GameDate).AppendValue(e.GameId)
                .AppendValue(e.SystemsSucceeded.ToList()).AppendValue(e.SystemsFailed.ToList())
                .AppendValue(e.PredictionsWritten).AppendValue(e.PublishedAt.UtcDateTime)
                .AppendValue(e.PropType.Code()).AppendValue(e.LineValues.ToList()).AppendValue(e.FeatureVersion).AppendValue(e.ModelVersion)), cancellationToken);
}
