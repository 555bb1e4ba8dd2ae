using StreamProcessor.Google.BigQuery.Read;
using StreamProcessor.Google.BigQuery.Tables;
using StreamProcessor.Sinks.Players;
using StreamProcessor.Systems.Players;

namespace StreamProcessor.Google.BigQuery.Sinks;

/// <summary>
/// The player registry on BigQuery: the canonical players are those of the box scores, each under the name of his
/// latest game (the embedded registry's rule), read in one session of three columns; the aliases come from the
/// aliases file, as in embedded mode. Read once per process start, like the embedded registry.
/// </summary>
public sealed class BigQueryPlayerRegistry(StorageReader reader, TableReference boxScores, string? aliasesFile) : IPlayerRegistry
{
    public async Task<PlayerDirectory> LoadAsync(CancellationToken cancellationToken)
    {
        var aliases = aliasesFile is not null && File.Exists(aliasesFile) ? PlayerAliasFile.Read(aliasesFile) : [];
        var rows = await reader.ReadRowsAsync(new ReadRequest(boxScores, ["player_lookup", "player_name", "game_date"]), cancellationToken);
        var players = rows
            .GroupBy(r => (string)r["player_lookup"]!, StringComparer.Ordinal)
            .Select(g => new CanonicalPlayer(g.Key, (string)g.MaxBy(r => (DateOnly)r["game_date"]!)!["player_name"]!))
            .ToArray();
        return new PlayerDirectory(players, aliases);
    }
}
