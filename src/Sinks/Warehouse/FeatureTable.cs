using DuckDB.NET.Data;
using StreamProcessor.Sinks.Features;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>
/// <c>nba_predictions.ml_feature_store_v2</c>, and the embedded implementation of the feature-load seam: a batch of
/// keys is answered with each key's feature row and the player's recent games (for similarity), read flat (see Load).
/// </summary>
public sealed class FeatureTable(Warehouse warehouse, HistoryOptions? window = null) : IFeatureStore
{
    private readonly HistoryOptions _window = window ?? HistoryOptions.Default;

    private static readonly string FeatureColumns = string.Join(", ", FeatureCatalog.All.Select(f => f.ColumnName()));

    public int Upsert(IEnumerable<PlayerFeatures> rows)
    {
        using var connection = warehouse.Connect();
        using var tx = connection.BeginTransaction();
        var computedAt = DateTime.UtcNow;
        var count = StagedUpsert.Replace(connection, "nba_predictions.ml_feature_store_v2", "player_lookup, game_date", rows, (row, f) =>
        {
            row.AppendValue(f.PlayerLookup).AppendValue(f.GameDate).AppendValue(f.GameId)
                .AppendValue(f.Team).AppendValue(f.Opponent).AppendValue(f.FeatureVersion);
            foreach (var value in f.Values) row.AppendValue(Sql.NullIfNaN(value));
            row.AppendValue(f.QualityScore)
                .AppendValue(f.MissingFeatures.Select(m => m.ColumnName()).ToList())
                .AppendValue(computedAt);
        }, clusterBy: "game_date, player_lookup"); // the pipeline reads a batch's days: stored by date, the scan skips the rest
        tx.Commit();
        return count;
    }

    public long Count(DateOnly? from = null, DateOnly? to = null)
    {
        using var connection = warehouse.Connect();
        return Sql.Scalar<long>(connection,
            "SELECT count(*) FROM nba_predictions.ml_feature_store_v2 WHERE game_date BETWEEN $1 AND $2",
            from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue);
    }

    /// <summary>Rows in the range whose feature_version is not <paramref name="version"/>: features built by an older release.</summary>
    public long CountOtherVersions(string version, DateOnly? from = null, DateOnly? to = null)
    {
        using var connection = warehouse.Connect();
        return Sql.Scalar<long>(connection,
            "SELECT count(*) FROM nba_predictions.ml_feature_store_v2 WHERE game_date BETWEEN $1 AND $2 AND feature_version <> $3",
            from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue, version);
    }

    /// <summary>
    /// Feature rows of the days in [from, to], in date then player order, optionally only players with at least
    /// <paramref name="minGamesPlayed"/> earlier games: one read for a whole range.
    /// </summary>
    public IReadOnlyList<PlayerFeatures> ReadRange(DateOnly from, DateOnly to, int minGamesPlayed = 0) =>
        Read("WHERE game_date BETWEEN $1 AND $2 AND coalesce(games_played, 0) >= $3 ORDER BY game_date, player_lookup", from, to, minGamesPlayed);

    /// <summary>
    /// Feature rows in [from, to] with the game's actual points and minutes, for training and backtests.
    /// Only rows whose player had at least <paramref name="minGamesPlayed"/> earlier games.
    /// </summary>
    public IReadOnlyList<FeatureOutcome> ReadWithOutcomes(DateOnly from, DateOnly to, int minGamesPlayed)
    {
        using var connection = warehouse.Connect();
        using var cmd = Sql.Command(connection, $"""
            SELECT f.player_lookup, f.game_date, f.game_id, f.team, f.opponent, f.feature_version, {Prefixed("f.")},
                   s.points, s.minutes, s.rebounds, s.assists, s.fg3m
            FROM nba_predictions.ml_feature_store_v2 f
            JOIN nba_analytics.player_game_summary s ON s.player_lookup = f.player_lookup AND s.game_date = f.game_date
            WHERE f.game_date BETWEEN $1 AND $2 AND coalesce(f.games_played, 0) >= $3
            ORDER BY f.game_date, f.player_lookup
            """, from, to, minGamesPlayed);
        using var reader = cmd.ExecuteReader();
        var rows = new List<FeatureOutcome>();
        var outcome = 6 + FeatureCatalog.Count;
        while (reader.Read())
            rows.Add(new FeatureOutcome(ReadFeatures(reader), reader.GetInt32(outcome), reader.GetDouble(outcome + 1))
            {
                Rebounds = reader.GetInt32(outcome + 2),
                Assists = reader.GetInt32(outcome + 3),
                ThreesMade = reader.GetInt32(outcome + 4),
            });
        return rows;
    }

    private static string Prefixed(string alias) => string.Join(", ", FeatureCatalog.All.Select(f => alias + f.ColumnName()));

    private IReadOnlyList<PlayerFeatures> Read(string where, params object[] parameters)
    {
        using var connection = warehouse.Connect();
        using var cmd = Sql.Command(connection,
            $"SELECT player_lookup, game_date, game_id, team, opponent, feature_version, {FeatureColumns} FROM nba_predictions.ml_feature_store_v2 {where}",
            parameters);
        using var reader = cmd.ExecuteReader();
        var rows = new List<PlayerFeatures>();
        while (reader.Read()) rows.Add(ReadFeatures(reader));
        return rows;
    }

    public async Task<IReadOnlyDictionary<PlayerDate, FeatureRecord>> LoadAsync(IReadOnlyCollection<PlayerDate> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0) return new Dictionary<PlayerDate, FeatureRecord>();
        // DuckDB's .NET client is synchronous; keep the pipeline's threads free while it works.
        return await Task.Run(() => Load(keys), cancellationToken);
    }

    /// <summary>
    /// Two flat reads on one connection: the keys' feature rows, then their recent games one row per game. Both are
    /// bounded by the batch's dates (so the scan skips the rest of the season), and neither returns lists: reading
    /// ten list columns per row through the client cost more than the whole query (see perf/ FeatureLoadBenchmark).
    /// </summary>
    private Dictionary<PlayerDate, FeatureRecord> Load(IReadOnlyCollection<PlayerDate> keys)
    {
        using var connection = warehouse.Connect();
        // Each distinct key numbered by its position, so the history rows name their key by number, not by a player's
        // name read into a new string for every game.
        var distinctKeys = keys.Distinct().ToArray();
        Sql.Execute(connection, "CREATE OR REPLACE TEMP TABLE feature_keys (player_lookup VARCHAR, game_date DATE, key_index INTEGER)");
        var first = DateOnly.MaxValue;
        var last = DateOnly.MinValue;
        using (var appender = connection.CreateAppender("temp", "main", "feature_keys"))
        {
            for (var i = 0; i < distinctKeys.Length; i++)
            {
                var key = distinctKeys[i];
                appender.CreateRow().AppendValue(key.PlayerLookup).AppendValue(key.GameDate).AppendValue(i).EndRow();
                if (key.GameDate < first) first = key.GameDate;
                if (key.GameDate > last) last = key.GameDate;
            }
        }
        var history = ReadHistories(connection, distinctKeys, first, last);
        using var cmd = Sql.Command(connection, $"""
            SELECT f.player_lookup, f.game_date, f.game_id, f.team, f.opponent, f.feature_version, {Prefixed("f.")}, f.computed_at
            FROM nba_predictions.ml_feature_store_v2 f
            SEMI JOIN feature_keys k ON f.player_lookup = k.player_lookup AND f.game_date = k.game_date
            WHERE f.game_date BETWEEN $1 AND $2
            """, first, last);
        using var reader = cmd.ExecuteReader();
        var result = new Dictionary<PlayerDate, FeatureRecord>(keys.Count);
        var computedAtColumn = 6 + FeatureCatalog.Count;
        while (reader.Read())
        {
            var features = ReadFeatures(reader);
            var computedAt = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(computedAtColumn), DateTimeKind.Utc));
            result[features.Key] = new FeatureRecord(features, history.TryGetValue(features.Key, out var games) ? games : [], computedAt);
        }
        Sql.Execute(connection, "DROP TABLE feature_keys");
        return result;
    }

    /// <summary>
    /// Each key's last <c>MaxGames</c> games within <c>WindowDays</c> before its date, newest first. The query returns
    /// every game of the window and <see cref="HistoricalGames.Select"/>, the domain's rule, keeps the last ones: a
    /// row_number() window and an ORDER BY in the query cost more than the rows they drop (a day's 312 keys, in
    /// isolation: 14-15 ms against 7.5-10, for 9,294 rows instead of 8,022; the warm season's feature reads 3.1-3.3 s
    /// against 2.0-2.9 s, alternated child runs).
    /// </summary>
    private Dictionary<PlayerDate, IReadOnlyList<HistoricalGame>> ReadHistories(DuckDB.NET.Data.DuckDBConnection connection,
        PlayerDate[] keys, DateOnly first, DateOnly last)
    {
        using var cmd = Sql.Command(connection, """
            SELECT k.key_index, h.game_date, h.opp_def_rating_rel, h.days_rest, h.home, h.recent_form,
                   s.points::DOUBLE, s.minutes, s.rebounds::DOUBLE, s.assists::DOUBLE, s.fg3m::DOUBLE
            FROM feature_keys k
            JOIN nba_predictions.ml_feature_store_v2 h
              ON h.player_lookup = k.player_lookup
             AND h.game_date < k.game_date
             AND h.game_date >= k.game_date - to_days($1::INTEGER)
            JOIN nba_analytics.player_game_summary s
              ON s.player_lookup = h.player_lookup AND s.game_date = h.game_date
            WHERE h.game_date >= $2::DATE - to_days($1::INTEGER) AND h.game_date < $3
              AND s.game_date >= $2::DATE - to_days($1::INTEGER) AND s.game_date < $3
            """, _window.WindowDays, first, last);
        using var reader = cmd.ExecuteReader();
        var gamesByKey = new List<HistoricalGame>?[keys.Length];
        while (reader.Read())
        {
            (gamesByKey[reader.GetInt32(0)] ??= []).Add(new HistoricalGame
            {
                GameDate = reader.GetFieldValue<DateOnly>(1),
                OpponentTier = GameContext.TierFor(Sql.NaNIfNull(reader, 2)),
                DaysRest = GameContext.RestDaysFor(Sql.NaNIfNull(reader, 3)),
                Home = GameContext.IsHome(Sql.NaNIfNull(reader, 4)),
                RecentForm = GameContext.FormFor(Sql.NaNIfNull(reader, 5)),
                Points = ZeroIfNull(reader, 6),
                Minutes = ZeroIfNull(reader, 7),
                Rebounds = ZeroIfNull(reader, 8),
                Assists = ZeroIfNull(reader, 9),
                ThreesMade = ZeroIfNull(reader, 10),
            });
        }
        var histories = new Dictionary<PlayerDate, IReadOnlyList<HistoricalGame>>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
            if (gamesByKey[i] is { } games) histories[keys[i]] = HistoricalGames.Select(keys[i].GameDate, games, _window);
        return histories;
    }

    private static double ZeroIfNull(DuckDBDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : reader.GetDouble(ordinal);

    private static PlayerFeatures ReadFeatures(DuckDBDataReader reader)
    {
        var values = new double[FeatureCatalog.Count];
        for (var i = 0; i < values.Length; i++) values[i] = Sql.NaNIfNull(reader, 6 + i);
        return new PlayerFeatures(
            new PlayerDate(reader.GetString(0), reader.GetFieldValue<DateOnly>(1)),
            reader.GetString(2), reader.GetString(3), reader.GetString(4), values, reader.GetString(5));
    }
}
