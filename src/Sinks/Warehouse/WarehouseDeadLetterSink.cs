using DuckDB.NET.Data;
using StreamProcessor.Sinks.DeadLetters;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary><c>nba_predictions.dead_letter</c>: one row per (request, system, reason), however often it is recorded.</summary>
public sealed class WarehouseDeadLetterSink(Warehouse warehouse) : IDeadLetterSink
{
    private readonly AppendFirst _appendFirst = new();

    public Task WriteAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken) =>
        deadLetters.Count == 0 ? Task.CompletedTask : warehouse.InTransactionAsync(_appendFirst, (connection, mode) => Write(connection, mode, deadLetters), cancellationToken);

    /// <summary>Most prediction batches have no system failures: then nothing is staged or appended.</summary>
    internal static void Write(DuckDBConnection connection, WriteMode mode, IReadOnlyList<DeadLetter> deadLetters) =>
        KeyedRows.Replace(connection, mode, "nba_predictions.dead_letter", "dead_letter_id", deadLetters, d => d.DeadLetterId, (row, d) => row
            .AppendValue(d.DeadLetterId).AppendValue(d.RequestId).AppendValue(d.SystemId)
            .AppendValue(d.ReasonCode).AppendValue(d.Message).AppendValue(d.PlayerLookup)
            .AppendValue(d.GameDate).AppendValue(DeadLetter.Truncate(d.RawPayload))
            .AppendValue(d.CreatedAt.UtcDateTime));
}
