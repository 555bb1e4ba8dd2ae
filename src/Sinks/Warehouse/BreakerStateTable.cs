using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary><c>nba_orchestration.circuit_breaker_state</c>: one row per (system, prop).</summary>
public sealed class BreakerStateTable(Warehouse warehouse) : IBreakerStateStore
{
    public IReadOnlyDictionary<BreakerKey, BreakerRecord> ReadAll()
    {
        using var connection = warehouse.Connect();
        using var cmd = Sql.Command(connection, """
            SELECT system_id, prop_type, state, failure_count, threshold, timeout_seconds, opened_at, open_cause, last_failures, updated_at
            FROM nba_orchestration.circuit_breaker_state
            """);
        using var r = cmd.ExecuteReader();
        var records = new Dictionary<BreakerKey, BreakerRecord>();
        while (r.Read())
        {
            if (!PropTypes.TryParse(r.GetString(1), out var prop)) continue; // a prop this release does not know
            var record = new BreakerRecord
            {
                SystemId = r.GetString(0),
                Prop = prop,
                State = r.GetString(2),
                FailureCount = r.GetInt32(3),
                Threshold = r.GetInt32(4),
                TimeoutSeconds = r.GetDouble(5),
                OpenedAt = r.IsDBNull(6) ? null : Utc(r.GetDateTime(6)),
                OpenCause = r.IsDBNull(7) ? null : r.GetString(7),
                LastFailures = r.GetFieldValue<List<string>>(8),
                UpdatedAt = Utc(r.GetDateTime(9)),
            };
            records[record.Key] = record;
        }
        return records;
    }

    public void Save(BreakerRecord record)
    {
        using var connection = warehouse.Connect();
        StagedUpsert.Replace(connection, "nba_orchestration.circuit_breaker_state", "system_id, prop_type", [record], (row, b) => row
            .AppendValue(b.SystemId).AppendValue(b.Prop.Code()).AppendValue(b.State).AppendValue(b.FailureCount).AppendValue(b.Threshold)
            .AppendValue(b.TimeoutSeconds).AppendValue(b.OpenedAt?.UtcDateTime).AppendValue(b.OpenCause)
            .AppendValue(b.LastFailures.ToList()).AppendValue(b.UpdatedAt.UtcDateTime));
    }

    public IReadOnlyList<BreakerKey> ResetDataStarved(DateTimeOffset now)
    {
        using var connection = warehouse.Connect();
        using var cmd = Sql.Command(connection, $"""
            UPDATE nba_orchestration.circuit_breaker_state
            SET state = '{BreakerRecord.Closed}', failure_count = 0, opened_at = NULL, open_cause = NULL, updated_at = $1
            WHERE state <> '{BreakerRecord.Closed}' AND open_cause = '{BreakerRecord.CauseDataMissing}'
            RETURNING system_id, prop_type
            """, now.UtcDateTime);
        using var r = cmd.ExecuteReader();
        var reset = new List<BreakerKey>();
        while (r.Read())
            if (PropTypes.TryParse(r.GetString(1), out var prop)) reset.Add(new BreakerKey(r.GetString(0), prop));
        return reset;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
