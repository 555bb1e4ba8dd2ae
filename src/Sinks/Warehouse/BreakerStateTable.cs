using StreamProcessor.Sinks.Breakers;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary><c>nba_orchestration.circuit_breaker_state</c>.</summary>
public sealed class BreakerStateTable(Warehouse warehouse) : IBreakerStateStore
{
    public IReadOnlyDictionary<string, BreakerRecord> ReadAll()
    {
        using var connection = warehouse.Connect();
        using var cmd = Sql.Command(connection, """
            SELECT system_id, state, failure_count, threshold, timeout_seconds, opened_at, open_cause, last_failures, updated_at
            FROM nba_orchestration.circuit_breaker_state
            """);
        using var r = cmd.ExecuteReader();
        var records = new Dictionary<string, BreakerRecord>();
        while (r.Read())
        {
            records[r.GetString(0)] = new BreakerRecord
            {
                SystemId = r.GetString(0),
                State = r.GetString(1),
                FailureCount = r.GetInt32(2),
                Threshold = r.GetInt32(3),
                TimeoutSeconds = r.GetDouble(4),
                OpenedAt = r.IsDBNull(5) ? null : Utc(r.GetDateTime(5)),
                OpenCause = r.IsDBNull(6) ? null : r.GetString(6),
                LastFailures = r.GetFieldValue<List<string>>(7),
                UpdatedAt = Utc(r.GetDateTime(8)),
            };
        }
        return records;
    }

    public void Save(BreakerRecord record)
    {
        using var connection = warehouse.Connect();
        StagedUpsert.Replace(connection, "nba_orchestration.circuit_breaker_state", "system_id", [record], (row, b) => row
            .AppendValue(b.SystemId).AppendValue(b.State).AppendValue(b.FailureCount).AppendValue(b.Threshold)
            .AppendValue(b.TimeoutSeconds).AppendValue(b.OpenedAt?.UtcDateTime).AppendValue(b.OpenCause)
            .AppendValue(b.LastFailures.ToList()).AppendValue(b.UpdatedAt.UtcDateTime));
    }

    public IReadOnlyList<string> ResetDataStarved(DateTimeOffset now)
    {
        using var connection = warehouse.Connect();
        using var cmd = Sql.Command(connection, $"""
            UPDATE nba_orchestration.circuit_breaker_state
            SET state = '{BreakerRecord.Closed}', failure_count = 0, opened_at = NULL, open_cause = NULL, updated_at = $1
            WHERE state <> '{BreakerRecord.Closed}' AND open_cause = '{BreakerRecord.CauseDataMissing}'
            RETURNING system_id
            """, now.UtcDateTime);
        using var r = cmd.ExecuteReader();
        var reset = new List<string>();
        while (r.Read()) reset.Add(r.GetString(0));
        return reset;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
