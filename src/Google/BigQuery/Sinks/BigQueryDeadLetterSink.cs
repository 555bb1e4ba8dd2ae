using StreamProcessor.Google.BigQuery.Tables;
using StreamProcessor.Google.BigQuery.Write;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.Warehouse;

namespace StreamProcessor.Google.BigQuery.Sinks;

/// <summary>
/// Dead letters as plain appends to nba_predictions.dead_letter on `_default`. A redelivered request appends its
/// dead letter again under the same deterministic id, so readers count distinct ids. A dead letter the API
/// refuses is an error, never dropped: the request stays unacknowledged.
/// </summary>
public sealed class BigQueryDeadLetterSink(StorageWriter<DeadLetterTableRow> writer) : IDeadLetterSink
{
    public async Task WriteAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        if (deadLetters.Count == 0) return;
        var rows = deadLetters.DistinctBy(d => d.DeadLetterId).Select(d => new PendingRow<DeadLetterTableRow>(DeadLetterTableRow.From(d), RowChange.Append)).ToArray();
        var report = await BigQueryCalls.WriteAsync(writer, rows, "dead letters", cancellationToken);
        if (report.Failures.Count > 0)
            throw new WarehouseException($"BigQuery refused {report.Failures.Count} dead letter(s): " +
                string.Join("; ", report.Failures.Select(f => $"{rows[f.Index].Row.DeadLetterId} ({rows[f.Index].Row.ReasonCode}): {f.Message}")));
    }
}
