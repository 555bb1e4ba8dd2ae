using DuckDB.NET.Data;

namespace StreamProcessor.Perf.Harness;

/// <summary>
/// Makes a season N times larger by cloning every player's box scores and feature rows under a new lookup
/// (<c>lebron-james-synth2</c>, ...): the same games and teams, N times the players, so each clone has its own
/// features, history and output rows.
/// </summary>
public static class SyntheticPlayers
{
    private static readonly string[] Tables = ["nba_analytics.player_game_summary", "nba_predictions.ml_feature_store_v2"];

    public static void Clone(string warehouseFile, int copies)
    {
        using var connection = new DuckDBConnection($"Data Source={warehouseFile}");
        connection.Open();
        foreach (var table in Tables)
            for (var copy = 2; copy <= copies; copy++)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"""
                    INSERT INTO {table}
                    SELECT * REPLACE (player_lookup || '-synth{copy}' AS player_lookup) FROM {table}
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
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "CHECKPOINT";
        checkpoint.ExecuteNonQuery();
    }
}
