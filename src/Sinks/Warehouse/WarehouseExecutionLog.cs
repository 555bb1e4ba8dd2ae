using DuckDB.NET.Data;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary><c>nba_predictions.prediction_worker_runs</c>.</summary>
public sealed class WarehouseExecutionLog(Warehouse warehouse) : IExecutionLog
{
    private const string Table = "nba_predictions.prediction_worker_runs";

    private readonly AppendFirst _appendFirst = new();

    public Task WriteAsync(IReadOnlyList<WorkerRun> runs, CancellationToken cancellationToken) =>
        runs.Count == 0 ? Task.CompletedTask : warehouse.InTransactionAsync(_appendFirst, (connection, mode) => Write(connection, mode, runs), cancellationToken);

    internal static void Write(DuckDBConnection connection, WriteMode mode, IReadOnlyList<WorkerRun> runs)
    {
        var processed = runs.Where(r => r.SkipReason is null).ToArray();
        var skipped = runs.Where(r => r.SkipReason is not null).ToArray();
        KeyedRows.Replace(connection, mode, Table, "request_id", processed, r => r.RequestId, Append);
        // A skip must not overwrite the row of the run that did the work: most skips meet that row, so they are never
        // appended (that would fail the whole write), but inserted where their request has none.
        if (skipped.Length > 0)
            StagedUpsert.Merge(connection, Table, skipped, Append, stage => $"""
                INSERT OR IGNORE INTO {Table}
                SELECT * FROM {stage} QUALIFY row_number() OVER (PARTITION BY request_id ORDER BY rowid DESC) = 1
                """);
    }

    public Task<IReadOnlySet<ProcessedRequest>> ProcessedAsync(IReadOnlyCollection<PlayerDate> keys, CancellationToken cancellationToken) => Task.Run(() =>
    {
        IReadOnlySet<ProcessedRequest> result = new HashSet<ProcessedRequest>();
        if (keys.Count == 0) return result;
        using var connection = warehouse.Connect();
        Sql.Execute(connection, "CREATE OR REPLACE TEMP TABLE processed_keys (player_lookup VARCHAR, game_date DATE)");
        using (var appender = connection.CreateAppender("temp", "main", "processed_keys"))
            foreach (var key in keys) appender.CreateRow().AppendValue(key.PlayerLookup).AppendValue(key.GameDate).EndRow();
        using var cmd = Sql.Command(connection, $"""
            SELECT r.player_lookup, r.game_date, r.line_values, r.feature_version, r.prop_type, r.model_version
            FROM {Table} r JOIN (SELECT DISTINCT * FROM processed_keys) k USING (player_lookup, game_date)
            WHERE r.success AND r.skip_reason IS NULL AND r.prop_type IS NOT NULL
            """);
        using var reader = cmd.ExecuteReader();
        var set = new HashSet<ProcessedRequest>();
        while (reader.Read())
        {
            if (!PropTypes.TryParse(reader.GetString(4), out var prop)) continue;
            set.Add(new ProcessedRequest(new PlayerDate(reader.GetString(0), reader.GetFieldValue<DateOnly>(1)), prop,
                ProcessedRequest.LinesKey(reader.GetFieldValue<List<double>>(2)), reader.GetString(3),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        Sql.Execute(connection, "DROP TABLE processed_keys");
        return (IReadOnlySet<ProcessedRequest>)set;
    }, cancellationToken);

    private static void Append(IDuckDBAppenderRow row, WorkerRun r) => row
        .AppendValue(r.RequestId).AppendValue(r.PlayerLookup).AppendValue(r.GameDate).AppendValue(r.LineValues.ToList())
        .AppendValue(r.FeatureVersion).AppendValue(r.SystemsAttempted.ToList()).AppendValue(r.SystemsSucceeded.ToList())
        .AppendValue(r.SystemsFailed.ToList()).AppendValue(r.SystemsSkipped.ToList()).AppendValue(r.FeatureQualityScore)
        .AppendValue(r.MissingFeatures?.ToList()).AppendValue(r.CircuitBreakerTriggered).AppendValue(r.CircuitsOpened.ToList())
        .AppendValue(r.SkipReason).AppendValue(r.DataLoadSeconds).AppendValue(r.PredictionComputeSeconds)
        .AppendValue(r.WriteSeconds).AppendValue(r.PublishSeconds).AppendValue(r.Success).AppendValue(r.ErrorMessage)
        .AppendValue(r.ProcessedAt.UtcDateTime).AppendValue(r.Prop?.Code()).AppendValue(r.ModelVersion)
        .AppendValue(r.RequestedPlayerLookup ?? r.PlayerLookup);
}
