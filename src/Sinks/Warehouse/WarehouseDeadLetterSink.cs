using DuckDB.NET.Data;
using StreamProcessor.Sinks.DeadLetters;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary><c>nba_predictions.dead_letter</c>: one row per (request, system, reason), however often it is recorded.</summary>
public sealed class WarehouseDeadLetterSink(Warehouse warehouse) : IDeadLetterSink
{
    public Task WriteAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            if (deadLetters.Count == 0) return;
            using var connection = warehouse.Connect();
            using var tx = connection.BeginTransaction();
            Upsert(connection, deadLetters);
            tx.Commit();
        }, cancellationToken);

    internal static void Upsert(DuckDBConnection connection, IReadOnlyList<DeadLetter> deadLetters)
    {
        if (deadLetters.Count == 0) return;
        Sql.Execute(connection, "CREATE OR REPLACE TEMP TABLE dead_letter_stage AS SELECT * FROM nba_predictions.dead_letter LIMIT 0");
        using (var appender = connection.CreateAppender("temp", "main", "dead_letter_stage"))
        {
            foreach (var d in deadLetters)
            {
                appender.CreateRow()
                    .AppendValue(d.DeadLetterId).AppendValue(d.RequestId).AppendValue(d.SystemId)
                    .AppendValue(d.ReasonCode).AppendValue(d.Message).AppendValue(d.PlayerLookup)
                    .AppendValue(d.GameDate).AppendValue(DeadLetter.Truncate(d.RawPayload))
                    .AppendValue(d.CreatedAt.UtcDateTime)
                    .EndRow();
            }
        }
        Sql.Execute(connection, """
            INSERT OR REPLACE INTO nba_predictions.dead_letter
            SELECT * FROM dead_letter_stage QUALIFY row_number() OVER (PARTITION BY dead_letter_id) = 1
            """);
        Sql.Execute(connection, "DROP TABLE dead_letter_stage");
    }
}
