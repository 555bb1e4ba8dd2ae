using StreamProcessor.Google.BigQuery.Read;
using StreamProcessor.Google.BigQuery.Tables;
using StreamProcessor.Sinks.Features;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;

namespace StreamProcessor.Google.BigQuery.Sinks;

/// <summary>
/// The feature-load seam on BigQuery. The first key of a game date reads that whole date once and caches it
/// (features change once a day): the date's feature rows, then the history window of the players who play that
/// day (their earlier feature rows and box scores, like the embedded join), three read sessions per date however
/// many batches ask. Keys without a feature row are absent from the answer.
/// </summary>
public sealed class BigQueryFeatureStore(StorageReader reader, string project, HistoryOptions? window = null, FeatureCacheOptions? cache = null, TimeProvider? clock = null) : IFeatureStore
{
    private static readonly string[] HistoryFeatureFields = ["player_lookup", "game_date", "opp_def_rating_rel", "days_rest", "home", "recent_form"];
    private static readonly string[] HistoryBoxFields = ["player_lookup", "game_date", "points", "minutes", "rebounds", "assists", "fg3m"];

    private readonly HistoryOptions _window = window ?? HistoryOptions.Default;
    private readonly FeatureCacheOptions _cache = cache ?? FeatureCacheOptions.Default;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly object _gate = new();
    private readonly Dictionary<DateOnly, (DateTimeOffset ReadAt, Task<Dictionary<string, FeatureRecord>> Day)> _days = new();

    private int _readSessions;

    /// <summary>Read sessions opened so far (three per date read).</summary>
    public int ReadSessions => Volatile.Read(ref _readSessions);

    public async Task<IReadOnlyDictionary<PlayerDate, FeatureRecord>> LoadAsync(IReadOnlyCollection<PlayerDate> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<PlayerDate, FeatureRecord>();
        foreach (var date in keys.Select(k => k.GameDate).Distinct())
        {
            var day = await DayAsync(date);
            foreach (var key in keys.Where(k => k.GameDate == date))
                if (day.TryGetValue(key.PlayerLookup, out var record)) result[key] = record;
        }
        return result;
    }

    private Task<Dictionary<string, FeatureRecord>> DayAsync(DateOnly date)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_days.TryGetValue(date, out var held) && now - held.ReadAt < _cache.TimeToLive && !held.Day.IsFaulted && !held.Day.IsCanceled) return held.Day;
            while (_days.Count >= _cache.MaxDates) _days.Remove(_days.MinBy(d => d.Value.ReadAt).Key);
            var day = ReadDayAsync(date);
            _days[date] = (now, day);
            return day;
        }
    }

    private async Task<Dictionary<string, FeatureRecord>> ReadDayAsync(DateOnly date)
    {
        var features = Table(FeatureRowSchema.Dataset, FeatureRowSchema.Table);
        var fields = FeatureRowSchema.FeatureColumns.Append("computed_at").ToArray();
        var rows = await ReadAsync(new ReadRequest(features, fields, $"game_date = {RowRestriction.Date(date)}"));
        var result = new Dictionary<string, FeatureRecord>(StringComparer.Ordinal);
        if (rows.Count == 0) return result;
        var history = await HistoryAsync(date, rows.Select(r => (string)r["player_lookup"]!).ToArray());
        foreach (var row in rows)
        {
            var player = (string)row["player_lookup"]!;
            var playerFeatures = FeatureRowSchema.Decode(row);
            result[player] = new FeatureRecord(playerFeatures, history.TryGetValue(player, out var games) ? games : [], (DateTimeOffset)row["computed_at"]!);
        }
        return result;
    }

    private async Task<Dictionary<string, IReadOnlyList<HistoricalGame>>> HistoryAsync(DateOnly date, IReadOnlyList<string> players)
    {
        var from = date.AddDays(-_window.WindowDays);
        var plain = players.Where(RowRestriction.IsPlainLiteral).Distinct().Select(p => $"'{p}'").ToArray();
        if (plain.Length == 0) return [];
        var playerList = string.Join(", ", plain);
        var restriction = $"game_date >= {RowRestriction.Date(from)} AND game_date < {RowRestriction.Date(date)} AND player_lookup IN ({playerList})";
        var context = await ReadAsync(new ReadRequest(Table(FeatureRowSchema.Dataset, FeatureRowSchema.Table), HistoryFeatureFields, restriction));
        var box = (await ReadAsync(new ReadRequest(Table(BoxScoreTableRow.Dataset, BoxScoreTableRow.Table), HistoryBoxFields, restriction)))
            .ToDictionary(r => ((string)r["player_lookup"]!, (DateOnly)r["game_date"]!));
        return context
            .Where(r => box.ContainsKey(((string)r["player_lookup"]!, (DateOnly)r["game_date"]!)))
            .GroupBy(r => (string)r["player_lookup"]!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<HistoricalGame>)g
                .OrderByDescending(r => (DateOnly)r["game_date"]!)
                .Take(_window.MaxGames)
                .Select(r =>
                {
                    var s = box[(g.Key, (DateOnly)r["game_date"]!)];
                    return new HistoricalGame
                    {
                        GameDate = (DateOnly)r["game_date"]!,
                        OpponentTier = GameContext.TierFor(r["opp_def_rating_rel"] as double? ?? double.NaN),
                        DaysRest = GameContext.RestDaysFor(r["days_rest"] as double? ?? double.NaN),
                        Home = GameContext.IsHome(r["home"] as double? ?? double.NaN),
                        RecentForm = GameContext.FormFor(r["recent_form"] as double? ?? double.NaN),
                        Points = (long)s["points"]!,
                        Minutes = (double)s["minutes"]!,
                        Rebounds = (long)s["rebounds"]!,
                        Assists = (long)s["assists"]!,
                        ThreesMade = (long)s["fg3m"]!,
                    };
                })
                .ToArray());
    }

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadAsync(ReadRequest request)
    {
        Interlocked.Increment(ref _readSessions);
        return await reader.ReadRowsAsync(request);
    }

    private TableReference Table(string dataset, string table) => new(project, dataset, table);
}
