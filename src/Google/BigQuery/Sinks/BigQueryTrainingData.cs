using StreamProcessor.Google.BigQuery.Read;
using StreamProcessor.Google.BigQuery.Tables;
using StreamProcessor.Sinks.Features;
using StreamProcessor.Sinks.Training;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Market;

namespace StreamProcessor.Google.BigQuery.Sinks;

/// <summary>
/// The batch verbs' reads through the Storage Read API (only the columns they use, restricted to the date range) and
/// their feature writes through the Write API (CDC upsert). Rows are put in the embedded queries' order here, since
/// a read session promises none, so training on either warehouse fits the same models.
/// </summary>
public sealed class BigQueryTrainingData(StorageReader reader, string project, BigQueryTablePublisher tables, Func<HistoryOptions, IFeatureStore> featureStore) : ITrainingData
{
    private static readonly string[] BoxScoreFields =
    [
        "player_name", "player_lookup", "game_date", "team", "opponent", "win", "home", "minutes", "points", "assists",
        "blocks", "steals", "fga", "fgm", "fg3a", "fg3m", "fta", "ftm", "rebounds", "turnovers",
    ];
    private static readonly string[] OutcomeFields = ["player_lookup", "game_date", "points", "minutes", "rebounds", "assists", "fg3m"];
    private static readonly string[] LineFields = ["player_lookup", "game_date", "prop_type", "bookmaker", "line", "over_price", "under_price"];

    public async Task<IReadOnlyList<BoxScore>> BoxScoresAsync(CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(BoxScoreTableRow.Dataset, BoxScoreTableRow.Table, BoxScoreFields, null, cancellationToken);
        return rows.Select(r => new BoxScore
            {
                PlayerName = (string)r["player_name"]!, PlayerLookup = (string)r["player_lookup"]!, GameDate = (DateOnly)r["game_date"]!,
                Team = (string)r["team"]!, Opponent = (string)r["opponent"]!, Win = (bool)r["win"]!, Home = (bool)r["home"]!,
                Minutes = (double)r["minutes"]!, Points = Int(r, "points"), Assists = Int(r, "assists"), Blocks = Int(r, "blocks"),
                Steals = Int(r, "steals"), FieldGoalsAttempted = Int(r, "fga"), FieldGoalsMade = Int(r, "fgm"),
                ThreesAttempted = Int(r, "fg3a"), ThreesMade = Int(r, "fg3m"), FreeThrowsAttempted = Int(r, "fta"),
                FreeThrowsMade = Int(r, "ftm"), Rebounds = Int(r, "rebounds"), Turnovers = Int(r, "turnovers"),
            })
            .OrderBy(b => b.GameDate).ThenBy(b => b.Team, StringComparer.Ordinal).ThenBy(b => b.PlayerName, StringComparer.Ordinal)
            .ToArray();
    }

    public async Task<FeatureCoverage> CoverageAsync(DateOnly from, DateOnly to, string featureVersion, CancellationToken cancellationToken)
    {
        var boxScores = await ReadAsync(BoxScoreTableRow.Dataset, BoxScoreTableRow.Table, ["player_lookup"], Between(from, to), cancellationToken);
        var features = await ReadAsync(FeatureRowSchema.Dataset, FeatureRowSchema.Table, ["game_date"], Between(from, to), cancellationToken);
        var otherVersions = await ReadAsync(FeatureRowSchema.Dataset, FeatureRowSchema.Table, ["game_date"], $"feature_version != {RowRestriction.Text(featureVersion)}", cancellationToken);
        return new FeatureCoverage(boxScores.Count, features.Count, otherVersions.Count);
    }

    public async Task<IReadOnlyList<PlayerFeatures>> FeaturesAsync(DateOnly from, DateOnly to, int minGamesPlayed, CancellationToken cancellationToken) =>
        (await FeatureRowsAsync(from, to, minGamesPlayed, cancellationToken)).Select(r => r.Features).ToArray();

    public async Task<IReadOnlyList<FeatureOutcome>> OutcomesAsync(DateOnly from, DateOnly to, int minGamesPlayed, CancellationToken cancellationToken)
    {
        var features = await FeatureRowsAsync(from, to, minGamesPlayed, cancellationToken);
        var games = (await ReadAsync(BoxScoreTableRow.Dataset, BoxScoreTableRow.Table, OutcomeFields, Between(from, to), cancellationToken))
            .ToDictionary(r => new PlayerDate((string)r["player_lookup"]!, (DateOnly)r["game_date"]!));
        var outcomes = new List<FeatureOutcome>(features.Count);
        foreach (var (row, _) in features)
        {
            if (!games.TryGetValue(row.Key, out var game)) continue;
            outcomes.Add(new FeatureOutcome(row, Int(game, "points"), (double)game["minutes"]!)
            {
                Rebounds = Int(game, "rebounds"),
                Assists = Int(game, "assists"),
                ThreesMade = Int(game, "fg3m"),
            });
        }
        return outcomes;
    }

    public async Task<bool> AnyLinesAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(PropLineTableRow.Dataset, PropLineTableRow.Table, ["game_date"], null, cancellationToken)).Count > 0;

    public async Task<IReadOnlyDictionary<(PlayerDate Key, PropType Prop), MarketLine>> ConsensusAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(PropLineTableRow.Dataset, PropLineTableRow.Table, LineFields, Between(from, to), cancellationToken);
        var books = new Dictionary<(PlayerDate, PropType), List<BookLine>>();
        // Books in the embedded query's order (bookmaker), so the consensus's means agree to the last bit.
        foreach (var r in rows.OrderBy(r => (string)r["bookmaker"]!, StringComparer.Ordinal))
        {
            if (r["over_price"] is not double over || r["under_price"] is not double under) continue;
            if (!PropTypes.TryParse((string)r["prop_type"]!, out var prop)) continue;
            var key = (new PlayerDate((string)r["player_lookup"]!, (DateOnly)r["game_date"]!), prop);
            if (!books.TryGetValue(key, out var list)) books[key] = list = [];
            list.Add(new BookLine((string)r["bookmaker"]!, (double)r["line"]!, over, under));
        }
        var consensus = new Dictionary<(PlayerDate, PropType), MarketLine>();
        foreach (var (key, list) in books)
            if (MarketLine.Consensus(list) is { } line) consensus[key] = line;
        return consensus;
    }

    public Task WriteFeaturesAsync(IReadOnlyList<PlayerFeatures> rows, CancellationToken cancellationToken) => tables.FeaturesAsync(rows, cancellationToken);

    public IFeatureStore FeatureStore(HistoryOptions window) => featureStore(window);

    private async Task<List<(PlayerFeatures Features, double GamesPlayed)>> FeatureRowsAsync(DateOnly from, DateOnly to, int minGamesPlayed, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(FeatureRowSchema.Dataset, FeatureRowSchema.Table, FeatureRowSchema.FeatureColumns, Between(from, to), cancellationToken);
        return rows
            .Select(r => (features: FeatureRowSchema.Decode(r), r["games_played"] is double played ? played : 0))
            .Where(r => r.Item2 >= minGamesPlayed)
            .OrderBy(r => r.features.GameDate).ThenBy(r => r.features.PlayerLookup, StringComparer.Ordinal)
            .ToList();
    }

    private Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadAsync(string dataset, string table, IReadOnlyList<string> fields, string? restriction, CancellationToken cancellationToken) =>
        reader.ReadRowsAsync(new ReadRequest(new TableReference(project, dataset, table), fields, restriction), cancellationToken);

    private static int Int(IReadOnlyDictionary<string, object?> row, string column) => checked((int)(long)row[column]!);

    private static string Between(DateOnly from, DateOnly to) => RowRestriction.DatesBetween(from, to);
}
