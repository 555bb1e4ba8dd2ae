using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Warehouse;

/// <summary>
/// The pipeline's feature-load read on the real season, checked against plain SQL a user would write: for a batch
/// mixing days months apart, each key gets exactly its own feature row and its own recent games (the last 30 within
/// 90 days before the date, newest first, with that game's box score), and an unknown key gets nothing.
/// </summary>
[Collection(RealSeasonCollection.Name)]
public class FeatureLoadOnRealSeasonTests(RealSeasonFixture season)
{
    [Fact]
    public async Task A_batch_across_days_gets_each_keys_own_row_and_recent_games()
    {
        using var copy = season.CopyDataDir();
        var file = Path.Combine(copy.Path, "warehouse.duckdb");
        var keys = WarehouseQuery.Rows(file, """
                SELECT player_lookup, game_date FROM nba_predictions.ml_feature_store_v2
                WHERE game_date IN (DATE '2024-10-22', DATE '2024-11-04', DATE '2025-02-12') ORDER BY game_date, player_lookup
                """)
            .Select(r => new PlayerDate((string)r[0], (DateOnly)r[1])).ToList();
        Assert.True(keys.Count > 500, $"only {keys.Count} keys");
        var unknown = new PlayerDate("nobody-at-all", new DateOnly(2025, 2, 12));

        IReadOnlyDictionary<PlayerDate, Sinks.Features.FeatureRecord> loaded;
        using (var warehouse = Sinks.Warehouse.Warehouse.Open(file))
            loaded = await new FeatureTable(warehouse, HistoryOptions.Default).LoadAsync([.. keys, unknown, keys[0]], CancellationToken.None);

        Assert.Equal(keys.Count, loaded.Count);
        Assert.False(loaded.ContainsKey(unknown));
        var boxScores = WarehouseQuery.Rows(file, "SELECT player_lookup, game_date, points FROM nba_analytics.player_game_summary")
            .GroupBy(r => (string)r[0])
            .ToDictionary(g => g.Key, g => g.Select(r => (Date: (DateOnly)r[1], Points: Convert.ToDouble(r[2]))).ToArray());
        var withHistory = 0;
        foreach (var key in keys)
        {
            var record = loaded[key];
            Assert.Equal(key, record.Features.Key);
            var expected = boxScores[key.PlayerLookup]
                .Where(g => g.Date < key.GameDate && g.Date >= key.GameDate.AddDays(-HistoryOptions.Default.WindowDays))
                .OrderByDescending(g => g.Date).Take(HistoryOptions.Default.MaxGames).ToArray();
            Assert.Equal(expected.Select(g => g.Date), record.History.Select(h => h.GameDate));
            Assert.Equal(expected.Select(g => g.Points), record.History.Select(h => h.Points));
            if (expected.Length > 0) withHistory++;
        }
        Assert.Equal(0, keys.Where(k => k.GameDate == new DateOnly(2024, 10, 22)).Sum(k => loaded[k].History.Count)); // opening night has no past
        Assert.True(withHistory > 400, $"only {withHistory} keys had recent games");
        Assert.Contains(keys, k => loaded[k].History.Count == HistoryOptions.Default.MaxGames); // the cap is reached in February
    }
}
