using DuckDB.NET.Data;
using StreamProcessor.Sinks.DeadLetters;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary><c>nba_predictions.dead_letter</c>: one row per (request, system, reason), however often it is recorded.</summary>
public sealed class WarehouseDeadLetterSink(Warehouse warehouse) : IDeadLetterSink
{
    public Task WriteAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken) =>
        deadLetters.Count == 0 ? Task.CompletedTask : warehouse.InTransactionAsync(connection => Upsert(connection, deadLetters), cancellationToken);

    internal static void Upsert(DuckDBConnection connection, IReadOnlyList<DeadLetter> deadLetters)
    {
        if (deadLetters.Count == 0) return; // most prediction batches have no system failures: no stage to create and drop
        StagedUpsert.Replace(connection, "nba_predictions.dead_letter", "dead_letter_id", deadLetters, (row, d) => row
            .AppendValue(d.DeadLetterId).AppendValue(d.RequestId).AppendValue(d.SystemId)
            .AppendValue(d.ReasonCode).AppendValue(d.Message).AppendValue(d.PlayerLookup)
            .AppendValue(d.GameDate).AppendValue(DeadLetter.Truncate(d.RawPayload))
            .AppendValue(d.CreatedAt.UtcDateTime));
    }
}
