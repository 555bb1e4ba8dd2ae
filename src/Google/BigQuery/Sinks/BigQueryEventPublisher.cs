using StreamProcessor.Google.BigQuery.Tables;
using StreamProcessor.Google.BigQuery.Write;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.Warehouse;

namespace StreamProcessor.Google.BigQuery.Sinks;

/// <summary>Completion events as CDC upserts on prediction_events by request id (a redelivery rewrites its event, never adds one).</summary>
public sealed class BigQueryEventPublisher(StorageWriter<EventTableRow> writer) : IEventPublisher
{
    public async Task PublishAsync(IReadOnlyList<CompletionEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return;
        var rows = events.Select(e => new PendingRow<EventTableRow>(EventTableRow.From(e), RowChange.Upsert, ChangeSequence.From(e.PublishedAt))).ToArray();
        var report = await BigQueryCalls.WriteAsync(writer, rows, "completion events", cancellationToken);
        if (report.Failures.Count > 0)
            throw new WarehouseException($"BigQuery refused {report.Failures.Count} completion event(s): " +
                string.Join("; ", report.Failures.Select(f => $"{rows[f.Index].Row.RequestId}: {f.Message}")));
    }
}
