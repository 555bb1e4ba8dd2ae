using StreamProcessor.Sinks.Events;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>Completion events into <c>nba_predictions.prediction_events</c>, one row per request id.</summary>
public sealed class WarehouseEventPublisher(Warehouse warehouse) : IEventPublisher
{
    public Task PublishAsync(IReadOnlyList<CompletionEvent> events, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            if (events.Count == 0) return;
            using var connection = warehouse.Connect();
            using var tx = connection.BeginTransaction();
            StagedUpsert.Replace(connection, "nba_predictions.prediction_events", "request_id", events, (row, e) => row
                .AppendValue(e.RequestId).AppendValue(e.PlayerLookup).AppendValue(e.GameDate).AppendValue(e.GameId)
                .AppendValue(e.SystemsSucceeded.ToList()).AppendValue(e.SystemsFailed.ToList())
                .AppendValue(e.PredictionsWritten).AppendValue(e.PublishedAt.UtcDateTime));
            tx.Commit();
        }, cancellationToken);
}
