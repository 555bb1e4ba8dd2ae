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
            Sql.Execute(connection, "CREATE OR REPLACE TEMP TABLE event_stage AS SELECT * FROM nba_predictions.prediction_events LIMIT 0");
            using (var appender = connection.CreateAppender("temp", "main", "event_stage"))
            {
                foreach (var e in events)
                {
                    appender.CreateRow()
                        .AppendValue(e.RequestId).AppendValue(e.PlayerLookup).AppendValue(e.GameDate).AppendValue(e.GameId)
                        .AppendValue(e.SystemsSucceeded.ToList()).AppendValue(e.SystemsFailed.ToList())
                        .AppendValue(e.PredictionsWritten).AppendValue(e.PublishedAt.UtcDateTime)
                        .EndRow();
                }
            }
            Sql.Execute(connection, """
                INSERT OR REPLACE INTO nba_predictions.prediction_events
                SELECT * FROM event_stage QUALIFY row_number() OVER (PARTITION BY request_id) = 1
                """);
            Sql.Execute(connection, "DROP TABLE event_stage");
            tx.Commit();
        }, cancellationToken);
}
