using DuckDB.NET.Data;
using StreamProcessor.Sinks.Features;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>
/// <c>nba_predictions.ml_feature_store_v2</c>, and the embedded implementation of the feature-load seam:
/// a batch of keys is answered with one query that returns each key's feature row together with the
/// player's recent games (for similarity) as lists.
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
        });
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

    private Dictionary<PlayerDate, FeatureRecord> Load(IReadOnlyCollection<PlayerDate> keys)
    {
        using var connection = warehouse.Connect();
        Sql.Execute(connection, "CREATE OR REPLACE TEMP TABLE feature_keys (player_lookup VARCHAR, game_date DATE)");
        using (var appender = connection.CreateAppender("temp", "main", "feature_keys"))
        {
            foreach (var key in keys) appender.CreateRow().AppendValue(key.PlayerLookup).AppendValue(key.GameDate).EndRow();
        }
        using var cmd = Sql.Command(connection, $"""
            WITH k AS (SELECT DISTINCT player_lookup, game_date FROM feature_keys),
            history AS (
                SELECT k.player_lookup, k.game_date,
                       list(h.game_date ORDER BY h.game_date DESC)[1:$1] AS dates,
                       list(h.opp_def_rating_rel ORDER BY h.game_date DESC)[1:$1] AS def_ratings,
                       list(h.days_rest ORDER BY h.game_date DESC)[1:$1] AS rests,
                       list(h.home ORDER BY h.game_date DESC)[1:$1] AS homes,
                       list(h.recent_form ORDER BY h.game_date DESC)[1:$1] AS forms,
                       list(s.points::DOUBLE ORDER BY h.game_date DESC)[1:$1] AS points,
                       list(s.minutes ORDER BY h.game_date DESC)[1:$1] AS minutes,
                       list(s.rebounds::DOUBLE ORDER BY h.game_date DESC)[1:$1] AS rebounds,
                       list(s.assists::DOUBLE ORDER BY h.game_date DESC)[1:$1] AS assists,
                       list(s.fg3m::DOUBLE ORDER BY h.game_date DESC)[1:$1] AS threes
                FROM k
                JOIN nba_predictions.ml_feature_store_v2 h
                  ON h.player_lookup = k.player_lookup
                 AND h.game_date < k.game_date
                 AND h.game_date >= k.game_date - to_days($2::INTEGER)
                JOIN nba_analytics.player_game_summary s
                  ON s.player_lookup = h.player_lookup AND s.game_date = h.game_date
                GROUP BY k.player_lookup, k.game_date
            )
            SELECT f.player_lookup, f.game_date, f.game_id, f.team, f.opponent, f.feature_version, {FeatureColumns},
                   hi.dates, hi.def_ratings, hi.rests, hi.homes, hi.forms, hi.points, hi.minutes, hi.rebounds, hi.assists, hi.threes,
                   f.computed_at
            FROM k
            JOIN nba_predictions.ml_feature_store_v2 f ON f.player_lookup = k.player_lookup AND f.game_date = k.game_date
            LEFT JOIN history hi ON hi.player_lookup = k.player_lookup AND hi.game_date = k.game_date
            """, _window.MaxGames, _window.WindowDays);
        using var reader = cmd.ExecuteReader();
        var result = new Dictionary<PlayerDate, FeatureRecord>(keys.Count);
        var historyStart = 6 + FeatureCatalog.Count;
        while (reader.Read())
        {
            var features = ReadFeatures(reader);
            var computedAt = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(historyStart + 10), DateTimeKind.Utc));
            result[features.Key] = new FeatureRecord(features, ReadHistory(reader, historyStart), computedAt);
        }
        Sql.Execute(connection, "DROP TABLE feature_keys");
        return result;
    }

    private static PlayerFeatures ReadFeatures(DuckDBDataReader reader)
    {
        var values = new double[FeatureCatalog.Count];
        for (var i = 0; i < values.Length; i++) values[i] = Sql.NaNIfNull(reader, 6 + i);
        return new PlayerFeatures(
            new PlayerDate(reader.GetString(0), reader.GetFieldValue<DateOnly>(1)),
            reader.GetString(2), reader.GetString(3), reader.GetString(4), values, reader.GetString(5));
    }

    private static IReadOnlyList<HistoricalGame> ReadHistory(DuckDBDataReader reader, int start)
    {
        if (reader.IsDBNull(start)) return [];
        var dates = reader.GetFieldValue<List<DateOnly>>(start);
        var defRatings = reader.GetFieldValue<List<double?>>(start + 1);
        var rests = reader.GetFieldValue<List<double?>>(start + 2);
        var homes = reader.GetFieldValue<List<double?>>(start + 3);
        var forms = reader.GetFieldValue<List<double?>>(start + 4);
        var points = reader.GetFieldValue<List<double?>>(start + 5);
        var minutes = reader.GetFieldValue<List<double?>>(start + 6);
        var rebounds = reader.GetFieldValue<List<double?>>(start + 7);
        var assists = reader.GetFieldValue<List<double?>>(start + 8);
        var threes = reader.GetFieldValue<List<double?>>(start + 9);
        var games = new HistoricalGame[dates.Count];
        for (var i = 0; i < games.Length; i++)
        {
            games[i] = new HistoricalGame
            {
                GameDate = dates[i],
                OpponentTier = GameContext.TierFor(defRatings[i] ?? double.NaN),
                DaysRest = GameContext.RestDaysFor(rests[i] ?? double.NaN),
                Home = GameContext.IsHome(homes[i] ?? double.NaN),
                RecentForm = GameContext.FormFor(forms[i] ?? double.NaN),
                Points = points[i] ?? 0,
                Minutes = minutes[i] ?? 0,
                Rebounds = rebounds[i] ?? 0,
                Assists = assists[i] ?? 0,
                ThreesMade = threes[i] ?? 0,
            };
        }
        return games;
    }
}
