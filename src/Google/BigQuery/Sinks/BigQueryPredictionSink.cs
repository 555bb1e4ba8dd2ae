using StreamProcessor.Google.BigQuery.Tables;
using StreamProcessor.Google.BigQuery.Write;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.Predictions;

namespace StreamProcessor.Google.BigQuery.Sinks;

/// <summary>
/// Predictions as CDC UPSERTs on player_prop_predictions' key, each with _CHANGE_SEQUENCE_NUMBER from its
/// created_at, so a redelivered older request never overwrites a newer row. Rows the API refuses become dead
/// letters (warehouse_row_rejected) for their request and system while the rest of the batch is written; the
/// batch's system failures follow. The call returns only after both appends succeeded. Unlike the embedded
/// upsert, a CDC upsert replaces the whole row, so created_at is that of the latest write.
/// </summary>
public sealed class BigQueryPredictionSink(StorageWriter<PredictionTableRow> writer, IDeadLetterSink deadLetters) : IPredictionSink
{
    public const string RowRejected = "warehouse_row_rejected";

    public async Task WriteAsync(PredictionBatch batch, CancellationToken cancellationToken)
    {
        var rows = batch.Rows.Select(r => new PendingRow<PredictionTableRow>(PredictionTableRow.From(r), RowChange.Upsert, ChangeSequence.From(r.CreatedAt))).ToArray();
        var report = rows.Length == 0 ? new WriteReport(0, []) : await BigQueryCalls.WriteAsync(writer, rows, "predictions", cancellationToken);
        var rejected = report.Failures.Select(f =>
        {
            var row = batch.Rows[f.Index];
            return new DeadLetter
            {
                RequestId = row.RequestId,
                SystemId = row.SystemId,
                ReasonCode = RowRejected,
                Message = $"BigQuery refused the prediction row {row.PredictionId} (line {row.LineValue}): {f.Message}",
                PlayerLookup = row.PlayerLookup,
                GameDate = row.GameDate,
            };
        });
        await deadLetters.WriteAsync(batch.SystemFailures.Concat(rejected).ToArray(), cancellationToken);
    }
}
