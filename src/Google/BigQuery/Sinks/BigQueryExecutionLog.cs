using StreamProcessor.Google.BigQuery.Read;
using StreamProcessor.Google.BigQuery.Tables;
using StreamProcessor.Google.BigQuery.Write;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Google.BigQuery.Sinks;

/// <summary>
/// The execution log on prediction_worker_runs, CDC by request_id. A run that did the work is sequenced
/// "1/&lt;processed_at&gt;" and a skip "0/&lt;processed_at&gt;": sections compare in order, so a skip never overwrites
/// the row of a run that did the work (the embedded INSERT OR IGNORE), while a later run replaces an earlier one.
/// The smart-skip lookup is one read session for the whole batch (player IN (...) AND game_date IN (...)).
/// </summary>
public sealed class BigQueryExecutionLog(StorageWriter<WorkerRunTableRow> writer, StorageReader reader, TableReference table) : IExecutionLog
{
    private static readonly string[] LookupFields = ["player_lookup", "game_date", "line_values", "feature_version", "success", "skip_reason", "prop_type", "model_version"];

    public async Task WriteAsync(IReadOnlyList<WorkerRun> runs, CancellationToken cancellationToken)
    {
        if (runs.Count == 0) return;
        var rows = runs.Select(r => new PendingRow<WorkerRunTableRow>(WorkerRunTableRow.From(r), RowChange.Upsert,
            (r.SkipReason is null ? "1/" : "0/") + ChangeSequence.From(r.ProcessedAt))).ToArray();
        var report = await BigQueryCalls.WriteAsync(writer, rows, "the execution log", cancellationToken);
        if (report.Failures.Count > 0)
            throw new WarehouseException($"BigQuery refused {report.Failures.Count} execution-log row(s): " +
                string.Join("; ", report.Failures.Select(f => $"{rows[f.Index].Row.RequestId}: {f.Message}")));
    }

    public async Task<IReadOnlySet<ProcessedRequest>> ProcessedAsync(IReadOnlyCollection<PlayerDate> keys, CancellationToken cancellationToken)
    {
        var result = new HashSet<ProcessedRequest>();
        // A lookup that cannot be a plain literal is left out: that request is predicted again, which an upsert makes harmless.
        var wanted = keys.Where(k => RowRestriction.IsPlainLiteral(k.PlayerLookup)).ToHashSet();
        if (wanted.Count == 0) return result;
        var players = string.Join(", ", wanted.Select(k => k.PlayerLookup).Distinct().Select(p => $"'{p}'"));
        var dates = string.Join(", ", wanted.Select(k => k.GameDate).Distinct().Select(RowRestriction.Date));
        var rows = await reader.ReadRowsAsync(new ReadRequest(table, LookupFields, $"player_lookup IN ({players}) AND game_date IN ({dates})"), cancellationToken);
        foreach (var row in rows)
        {
            if (row["success"] is not true || row["skip_reason"] is not null || row["feature_version"] is not string version) continue;
            if (!PropTypes.TryParse(row["prop_type"] as string, out var prop)) continue; // rows before 005 carry no prop: never matched
            var key = new PlayerDate((string)row["player_lookup"]!, (DateOnly)row["game_date"]!);
            if (!wanted.Contains(key)) continue;
            var lines = ((IReadOnlyList<object?>)row["line_values"]!).Select(v => (double)v!);
            result.Add(new ProcessedRequest(key, prop, ProcessedRequest.LinesKey(lines), version, row["model_version"] as string));
        }
        return result;
    }
}
