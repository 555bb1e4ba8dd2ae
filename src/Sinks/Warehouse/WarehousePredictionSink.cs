using System.Diagnostics;
using DuckDB.NET.Data;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>
/// Writes a batch as production's fix did, in one transaction together with the batch's system-level dead letters
/// (and, as an <see cref="ICompletedBatchSink"/>, its completion events and execution-log rows): a redelivered request
/// overwrites its own rows (keeping their first created_at) and never adds new ones. A request at a new line (the book
/// moved it) makes its lines the active ones and leaves the earlier line's rows inactive. New keys are appended
/// straight into the tables, and a write that meets existing keys is redone as a staged upsert (<see cref="AppendFirst"/>).
/// </summary>
public sealed class WarehousePredictionSink(Warehouse warehouse) : IPredictionSink, ICompletedBatchSink
{
    private const string Table = "nba_predictions.player_prop_predictions";

    private readonly AppendFirst _appendFirst = new();

    public Task WriteAsync(PredictionBatch batch, CancellationToken cancellationToken) =>
        warehouse.InTransactionAsync(_appendFirst, (connection, mode) => Write(connection, mode, batch), cancellationToken);

    public Task WriteAsync(CompletedBatch batch, CancellationToken cancellationToken) =>
        warehouse.InTransactionAsync(_appendFirst, (connection, mode) =>
        {
            var started = Stopwatch.GetTimestamp();
            Write(connection, mode, batch.Predictions);
            WarehouseEventPublisher.Write(connection, mode, batch.Events);
            // The rows are in, the events with them: what is left of the write is this log and the commit.
            var writeSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            WarehouseExecutionLog.Write(connection, mode, batch.Runs
                .Select(r => r.SkipReason is null ? r with { WriteSeconds = writeSeconds, PublishSeconds = 0 } : r).ToArray());
        }, cancellationToken);

    private static void Write(DuckDBConnection connection, WriteMode mode, PredictionBatch batch)
    {
        var newest = NewestPerKey(batch.Rows);
        var active = ActiveLines(newest);
        var rows = ActiveLinesMarked(newest, active);
        // Before this batch's rows go in, so that its scan meets only the rows written earlier (a season replay: 0.19-0.29
        // CPU-s for it, from 0.35-0.42 after them). Nothing it could change is among them: they are new, or upserted over
        // rows at the active lines, which it leaves alone.
        DeactivateMovedLines(connection, rows, active);
        if (mode == WriteMode.Append) KeyedRows.Append(connection, Table, rows, Append);
        else Upsert(connection, rows);
        WarehouseDeadLetterSink.Write(connection, mode, batch.SystemFailures);
    }

    private static void Upsert(DuckDBConnection connection, IReadOnlyList<PredictionRow> rows) =>
        StagedUpsert.Merge(connection, Table, rows, Append, stage => $"""
            INSERT INTO {Table}
            SELECT * FROM {stage}
            ON CONFLICT (player_lookup, game_date, prop_type, system_id, current_points_line) DO UPDATE SET
                prediction_id = excluded.prediction_id,
                game_id = excluded.game_id,
                predicted_points = excluded.predicted_points,
                confidence_score = excluded.confidence_score,
                probability_over = excluded.probability_over,
                recommendation = excluded.recommendation,
                line_margin = excluded.line_margin,
                similarity_baseline = excluded.similarity_baseline,
                similar_games_count = excluded.similar_games_count,
                avg_similarity_score = excluded.avg_similarity_score,
                ensemble_systems = excluded.ensemble_systems,
                model_version = excluded.model_version,
                feature_version = excluded.feature_version,
                request_id = excluded.request_id,
                updated_at = excluded.updated_at,
                is_active = excluded.is_active,
                over_price = excluded.over_price,
                under_price = excluded.under_price,
                market_probability_over = excluded.market_probability_over,
                expected_value = excluded.expected_value,
                recommendation_rule = excluded.recommendation_rule
            """);

    private static void Append(IDuckDBAppenderRow row, PredictionRow p) => row
        .AppendValue(p.PredictionId).AppendValue(p.SystemId).AppendValue(p.PlayerLookup)
        .AppendValue(p.GameDate).AppendValue(p.GameId).AppendValue(p.PredictedPoints)
        .AppendValue(p.ConfidenceScore).AppendValue(p.Recommendation.Text()).AppendValue(p.LineValue)
        .AppendValue(p.LineMargin).AppendValue(p.SimilarityBaseline).AppendValue(p.SimilarGamesCount)
        .AppendValue(p.AvgSimilarityScore).AppendValue(p.EnsembleSystems).AppendValue(p.ModelVersion)
        .AppendValue(p.FeatureVersion).AppendValue(p.RequestId)
        .AppendValue(p.CreatedAt.UtcDateTime).AppendValue(p.CreatedAt.UtcDateTime).AppendValue(p.IsActive)
        .AppendValue(p.PropType.Code()).AppendValue(p.ProbabilityOver)
        .AppendValue(p.OverPrice).AppendValue(p.UnderPrice).AppendValue(p.MarketProbabilityOver).AppendValue(p.ExpectedValue)
        .AppendValue(p.RecommendationRule);

    /// <summary>
    /// Of rows repeating a key (a request delivered twice into one batch), the newest: the latest created_at, and of
    /// equal ones the last given. DuckDB refuses a key twice in one append or upsert.
    /// </summary>
    private static IReadOnlyList<PredictionRow> NewestPerKey(IReadOnlyList<PredictionRow> rows)
    {
        var winner = new Dictionary<(string, DateOnly, PropType, string, double), int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var key = (r.PlayerLookup, r.GameDate, r.PropType, r.SystemId, r.LineValue);
            if (!winner.TryGetValue(key, out var held) || rows[held].CreatedAt <= r.CreatedAt) winner[key] = i;
        }
        if (winner.Count == rows.Count) return rows;
        return winner.Values.Order().Select(i => rows[i]).ToArray();
    }

    /// <summary>
    /// Line moves within the batch: for each player, date and prop, the lines of its newest request (its last in the
    /// batch) are the active ones, and a row at any other line is written inactive.
    /// </summary>
    private static IReadOnlyList<PredictionRow> ActiveLinesMarked(IReadOnlyList<PredictionRow> rows, HashSet<(string Player, DateOnly Date, PropType Prop, double Line)> active)
    {
        if (rows.All(r => r.IsActive == active.Contains((r.PlayerLookup, r.GameDate, r.PropType, r.LineValue)))) return rows;
        return rows.Select(r => r with { IsActive = active.Contains((r.PlayerLookup, r.GameDate, r.PropType, r.LineValue)) }).ToArray();
    }

    /// <summary>The lines of the last request of each player, date and prop in the batch.</summary>
    private static HashSet<(string Player, DateOnly Date, PropType Prop, double Line)> ActiveLines(IReadOnlyList<PredictionRow> rows)
    {
        var newest = new Dictionary<(string, DateOnly, PropType), string>();
        foreach (var r in rows) newest[(r.PlayerLookup, r.GameDate, r.PropType)] = r.RequestId;
        return rows.Where(r => newest[(r.PlayerLookup, r.GameDate, r.PropType)] == r.RequestId)
            .Select(r => (r.PlayerLookup, r.GameDate, r.PropType, r.LineValue)).ToHashSet();
    }

    /// <summary>
    /// Line moves across batches: rows written earlier for a player, date and prop of this batch, at a line its newest
    /// request did not ask for, become inactive (and stay for history). First a read of the active rows of the batch's
    /// players and dates finds the keys whose line moved; only when there are any does the update run, for those keys.
    /// Most writes have none (a replay's, a redelivery's, a live day's until a book moves a line), and the update cost
    /// its parameters' binding and planning even when it changed nothing: a warm day's write 9-15 ms of its ~45, the
    /// season's writes 261-339 ms in all, against 2 ms and 113-159 ms for the read (alternated child runs).
    /// Both are bounded by the batch's dates: the table is stored in arrival order, by date in a replay, so the bound
    /// skips most of it. <c>is_active = true</c>, not the bare column: only a comparison is pushed into the scan, where a
    /// row group whose rows are all inactive (checkpointed since) is skipped whole; with the bare column, the same dates
    /// offered again and again (the load generator) made each check scan one more row group per pass (in isolation,
    /// 7 -> 21 ms a check over 25 passes of a season's dates, against 5.6 -> 7.0 over 40 as now).
    /// </summary>
    private static void DeactivateMovedLines(DuckDBConnection connection, IReadOnlyList<PredictionRow> rows,
        HashSet<(string Player, DateOnly Date, PropType Prop, double Line)> active)
    {
        if (rows.Count == 0) return;
        var keys = new HashSet<(string Player, DateOnly Date, PropType Prop)>();
        foreach (var (player, date, prop, _) in active) keys.Add((player, date, prop));
        var moved = new HashSet<(string Player, DateOnly Date, PropType Prop)>();
        using (var cmd = Sql.Command(connection, $"""
            SELECT DISTINCT player_lookup, game_date, prop_type, current_points_line FROM {Table}
            WHERE game_date BETWEEN $1 AND $2 AND is_active = true AND list_contains($3::VARCHAR[], player_lookup)
            """, rows.Min(r => r.GameDate), rows.Max(r => r.GameDate), keys.Select(k => k.Player).Distinct().ToList()))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                if (!PropTypes.TryParse(reader.GetString(2), out var prop)) continue;
                var key = (reader.GetString(0), reader.GetFieldValue<DateOnly>(1), prop);
                if (keys.Contains(key) && !active.Contains((key.Item1, key.Item2, key.Item3, reader.GetDouble(3)))) moved.Add(key);
            }
        }
        if (moved.Count == 0) return;
        DeactivateEarlierLines(connection, rows.Where(r => moved.Contains((r.PlayerLookup, r.GameDate, r.PropType))).ToArray(),
            active.Where(a => moved.Contains((a.Player, a.Date, a.Prop))).ToHashSet());
    }

    /// <summary>
    /// The update of <see cref="DeactivateMovedLines"/>, for the keys whose line moved. The active lines go in as
    /// parameters, not a table: a temporary table's create and drop cost more than the update itself; one join against
    /// each key's list of lines is cheaper than a join and an anti-join.
    /// </summary>
    private static void DeactivateEarlierLines(DuckDBConnection connection, IReadOnlyList<PredictionRow> rows,
        HashSet<(string Player, DateOnly Date, PropType Prop, double Line)> active)
    {
        if (rows.Count == 0) return;
        Sql.Execute(connection, $"""
            WITH active AS (
                SELECT unnest($3::VARCHAR[]) AS player_lookup, unnest($4::DATE[]) AS game_date,
                       unnest($5::VARCHAR[]) AS prop_type, unnest($6::DOUBLE[]) AS line),
            moved AS (SELECT player_lookup, game_date, prop_type, list(line) AS lines FROM active GROUP BY ALL)
            UPDATE {Table} p SET is_active = false
            FROM moved m
            WHERE p.game_date BETWEEN $1 AND $2 AND p.is_active = true
              AND p.player_lookup = m.player_lookup AND p.game_date = m.game_date AND p.prop_type = m.prop_type
              AND NOT list_contains(m.lines, p.current_points_line)
            """, rows.Min(r => r.GameDate), rows.Max(r => r.GameDate),
            active.Select(a => a.Player).ToList(), active.Select(a => a.Date).ToList(),
            active.Select(a => a.Prop.Code()).ToList(), active.Select(a => a.Line).ToList());
    }
}
