using DuckDB.NET.Data;
using StreamProcessor.Sinks.Warehouse;

namespace StreamProcessor.Perf.Harness;

/// <summary>
/// Makes a season N times larger by cloning every player's box scores and feature rows under a new lookup
/// (<c>lebron-james-synth2</c>, ...): the same games and teams, N times the players, so each clone has its own
/// features, history and output rows.
/// </summary>
public static class SyntheticPlayers
{
    private const string BoxScores = "nba_analytics.player_game_summary";
    private static readonly string[] Tables = [BoxScores, "nba_predictions.ml_feature_store_v2"];

    public static void Clone(string warehouseFile, int copies, string? aliasesFile)
    {
        using var connection = new DuckDBConnection($"Data Source={warehouseFile}");
        connection.Open();
        foreach (var table in Tables)
            for (var copy = 2; copy <= copies; copy++)
            {
                using var command = connection.CreateCommand();
                // A clone's name is its own too, so the player registry holds it as one more player, not as a namesake.
                var name = table == BoxScores ? $", player_name || ' (synth{copy})' AS player_name" : "";
                command.CommandText = $"""
                    INSERT INTO {table}
                    SELECT * REPLACE (player_lookup || '-synth{copy}' AS player_lookup{name}) FROM {table}
                    WHERE NOT regexp_matches(player_lookup, '-synth[0-9]+$')
                    """;
                command.ExecuteNonQuery();
            }
        // Stored by date, as features build and data load store them (the clones were appended copy after copy).
        foreach (var table in Tables)
            foreach (var sql in new[]
            {
                $"CREATE TEMP TABLE sorted AS SELECT * FROM {table} ORDER BY game_date, player_lookup",
                $"DELETE FROM {table}",
                $"INSERT INTO {table} SELECT * FROM sorted",
                "DROP TABLE sorted",
            })
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
        // The registry was derived from the box scores before the clones existed: without them in it, every clone's
        // request was dead-lettered as an unknown player, and the 5x and 25x seasons measured dead letters, not predictions.
        foreach (var sql in new[] { "DELETE FROM nba_reference.nba_players_registry", "DELETE FROM nba_reference.player_team_history", "CHECKPOINT" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        connection.Close();
        using var warehouse = Warehouse.Open(warehouseFile);
        new PlayerRegistryTable(warehouse, aliasesFile).Load(); // an empty registry is rebuilt from the box scores on first use
    }
}
