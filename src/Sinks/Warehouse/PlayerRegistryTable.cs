using DuckDB.NET.Data;
using StreamProcessor.Sinks.Players;
using StreamProcessor.Systems.Players;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>
/// <c>nba_reference.nba_players_registry</c> (with <c>player_team_history</c> and <c>player_aliases</c>): the
/// canonical players, derived from <c>nba_analytics.player_game_summary</c>, plus the aliases of
/// <paramref name="aliasesFile"/> (none when it is null or absent).
/// </summary>
public sealed class PlayerRegistryTable(Warehouse warehouse, string? aliasesFile = null) : IPlayerRegistry
{
    public Task<PlayerDirectory> LoadAsync(CancellationToken cancellationToken) => Task.Run(Load, cancellationToken);

    public PlayerDirectory Load()
    {
        var aliases = aliasesFile is not null && File.Exists(aliasesFile) ? PlayerAliasFile.Read(aliasesFile) : [];
        using var connection = warehouse.Connect();
        // A warehouse whose box scores predate the registry gets it on first use.
        var rebuild = Sql.Scalar<long>(connection, "SELECT count(*) FROM nba_reference.nba_players_registry") == 0;
        // Written only when the file says something else: a load is on the way of a stream's first request, and a
        // write transaction with its flush to disk cost most of its 19 ms (a day's replay) for aliases that had not changed.
        var copyAliases = !StoredAliases(connection).SetEquals(aliases.Select(a => (a.Alias, a.Lookup, aliasesFile)));
        if (rebuild || copyAliases)
        {
            using var tx = connection.BeginTransaction();
            if (rebuild) Rebuild(connection);
            if (copyAliases)
            {
                Sql.Execute(connection, "DELETE FROM nba_reference.player_aliases");
                var updatedAt = DateTime.UtcNow;
                StagedUpsert.Replace(connection, "nba_reference.player_aliases", "alias", aliases, (row, a) => row
                    .AppendValue(a.Alias).AppendValue(a.Lookup).AppendValue(aliasesFile).AppendValue(updatedAt));
            }
            tx.Commit();
        }
        using var cmd = Sql.Command(connection, "SELECT player_lookup, player_name FROM nba_reference.nba_players_registry");
        using var reader = cmd.ExecuteReader();
        var players = new List<CanonicalPlayer>();
        while (reader.Read()) players.Add(new CanonicalPlayer(reader.GetString(0), reader.GetString(1)));
        return new PlayerDirectory(players, aliases);
    }

    private static HashSet<(string Alias, string Lookup, string? Source)> StoredAliases(DuckDBConnection connection)
    {
        using var cmd = Sql.Command(connection, "SELECT alias, player_lookup, source FROM nba_reference.player_aliases");
        using var reader = cmd.ExecuteReader();
        var stored = new HashSet<(string, string, string?)>();
        while (reader.Read()) stored.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return stored;
    }

    /// <summary>Recomputes the registry from the box scores, on the caller's connection and transaction.</summary>
    internal static void Rebuild(DuckDBConnection connection)
    {
        Sql.Execute(connection, """
            DELETE FROM nba_reference.nba_players_registry;
            INSERT INTO nba_reference.nba_players_registry
            SELECT player_lookup, arg_max(player_name, game_date), arg_max(team, game_date), min(game_date), max(game_date),
                   count(*), now()
            FROM nba_analytics.player_game_summary GROUP BY player_lookup;
            DELETE FROM nba_reference.player_team_history;
            INSERT INTO nba_reference.player_team_history
            WITH games AS (
                SELECT player_lookup, team, game_date,
                       row_number() OVER (PARTITION BY player_lookup ORDER BY game_date)
                     - row_number() OVER (PARTITION BY player_lookup, team ORDER BY game_date) AS stint
                FROM nba_analytics.player_game_summary)
            SELECT player_lookup, team, min(game_date), max(game_date), count(*) FROM games GROUP BY player_lookup, team, stint;
            """);
    }
}
