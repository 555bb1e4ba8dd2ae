using StreamProcessor.Google.BigQuery.Read;
using StreamProcessor.Google.BigQuery.Tables;
using StreamProcessor.Google.BigQuery.Write;
using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Google.BigQuery.Sinks;

/// <summary>
/// Breaker state shared by replicas: every transition is appended to circuit_breaker_state and a read takes the
/// latest row per (system, prop) (by updated_at, then by append order), so replicas never contend for one row. The
/// seam is synchronous (the breaker decides inside a system call); the pipeline wraps it in the TTL cache
/// (CachedBreakerStateStore), so a read session is opened once per TTL, not per call.
/// </summary>
public sealed class BigQueryBreakerStateStore(StorageWriter<BreakerTableRow> writer, StorageReader reader, TableReference table) : IBreakerStateStore
{
    public IReadOnlyDictionary<BreakerKey, BreakerRecord> ReadAll()
    {
        var latest = new Dictionary<BreakerKey, BreakerRecord>();
        var rows = reader.ReadRowsAsync(new ReadRequest(table)).GetAwaiter().GetResult();
        foreach (var row in rows)
        {
            if (!PropTypes.TryParse((string)row["prop_type"]!, out var prop)) continue; // a prop this release does not know
            var record = new BreakerRecord
            {
                SystemId = (string)row["system_id"]!,
                Prop = prop,
                State = (string)row["state"]!,
                FailureCount = checked((int)(long)row["failure_count"]!),
                Threshold = checked((int)(long)row["threshold"]!),
                TimeoutSeconds = (double)row["timeout_seconds"]!,
                OpenedAt = (DateTimeOffset?)row["opened_at"],
                OpenCause = (string?)row["open_cause"],
                LastFailures = ((IReadOnlyList<object?>)row["last_failures"]!).Select(f => (string)f!).ToArray(),
                UpdatedAt = (DateTimeOffset)row["updated_at"]!,
            };
            if (!latest.TryGetValue(record.Key, out var seen) || record.UpdatedAt >= seen.UpdatedAt) latest[record.Key] = record;
        }
        return latest;
    }

    public void Save(BreakerRecord record) => Append([record]);

    public IReadOnlyList<BreakerKey> ResetDataStarved(DateTimeOffset now)
    {
        var starved = ReadAll().Values.Where(r => r.State != BreakerRecord.Closed && r.OpenCause == BreakerRecord.CauseDataMissing).ToArray();
        Append(starved.Select(r => r with { State = BreakerRecord.Closed, FailureCount = 0, OpenedAt = null, OpenCause = null, UpdatedAt = now }).ToArray());
        return starved.Select(r => r.Key).ToArray();
    }

    private void Append(IReadOnlyList<BreakerRecord> records)
    {
        if (records.Count == 0) return;
        var rows = records.Select(r => new PendingRow<BreakerTableRow>(BreakerTableRow.From(r), RowChange.Append)).ToArray();
        var report = BigQueryCalls.WriteAsync(writer, rows, "breaker state", CancellationToken.None).GetAwaiter().GetResult();
        if (report.Failures.Count > 0)
            throw new WarehouseException($"BigQuery refused breaker state for {string.Join(", ", report.Failures.Select(f => $"{rows[f.Index].Row.SystemId}/{rows[f.Index].Row.PropType}"))}: {report.Failures[0].Message}");
    }
}
