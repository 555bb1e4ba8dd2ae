using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary><c>nba_analytics.player_game_summary</c>: the box scores everything else is computed from.</summary>
public sealed class BoxScoreTable(Warehouse warehouse)
{
    /// <summary>Upserts all rows in one transaction, with the player registry they imply: a load is applied whole or not at all.</summary>
    public int Upsert(IReadOnlyList<BoxScore> rows, string source)
    {
        using var connection = warehouse.Connect();
        using var tx = connection.BeginTransaction();
        var loadedAt = DateTime.UtcNow;
        StagedUpsert.Replace(connection, "nba_analytics.player_game_summary", "player_lookup, game_date", rows, (row, b) => row
            .AppendValue(b.PlayerLookup).AppendValue(b.PlayerName).AppendValue(b.GameDate).AppendValue(b.GameId)
            .AppendValue(b.Team).AppendValue(b.Opponent).AppendValue(b.Home).AppendValue(b.Win)
            .AppendValue(b.Minutes).AppendValue(b.Points).AppendValue(b.Assists).AppendValue(b.Blocks)
            .AppendValue(b.Steals).AppendValue(b.FieldGoalsAttempted).AppendValue(b.FieldGoalsMade)
            .AppendValue(b.ThreesAttempted).AppendValue(b.ThreesMade).AppendValue(b.FreeThrowsAttempted)
            .AppendValue(b.FreeThrowsMade).AppendValue(b.Rebounds).AppendValue(b.Turnovers)
            .AppendValue(source).AppendValue(loadedAt), clusterBy: "game_date, player_lookup"); // read by date ranges, like the features
        PlayerRegistryTable.Rebuild(connection);
        tx.Commit();
        return rows.Count;
    }

    public long Count(DateOnly? from = null, DateOnly? to = null)
    {
        using var connection = warehouse.Connect();
        return Sql.Scalar<long>(connection,
            "SELECT count(*) FROM nba_analytics.player_game_summary WHERE game_date BETWEEN $1 AND $2",
            from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue);
    }

    public IReadOnlyList<BoxScore> ReadAll()
    {
        using var connection = warehouse.Connect();
        using var cmd = Sql.Command(connection, """
            SELECT player_name, player_lookup, game_date, team, opponent, win, home, minutes, points, assists,
                   blocks, steals, fga, fgm, fg3a, fg3m, fta, ftm, rebounds, turnovers
            FROM nba_analytics.player_game_summary ORDER BY game_date, team, player_name
            """);
        using var r = cmd.ExecuteReader();
        var rows = new List<BoxScore>();
        while (r.Read())
        {
            rows.Add(new BoxScore
            {
                PlayerName = r.GetString(0), PlayerLookup = r.GetString(1), GameDate = r.GetFieldValue<DateOnly>(2),
                Team = r.GetString(3), Opponent = r.GetString(4), Win = r.GetBoolean(5), Home = r.GetBoolean(6),
                Minutes = r.GetDouble(7), Points = r.GetInt32(8), Assists = r.GetInt32(9), Blocks = r.GetInt32(10),
                Steals = r.GetInt32(11), FieldGoalsAttempted = r.GetInt32(12), FieldGoalsMade = r.GetInt32(13),
                ThreesAttempted = r.GetInt32(14), ThreesMade = r.GetInt32(15), FreeThrowsAttempted = r.GetInt32(16),
                FreeThrowsMade = r.GetInt32(17), Rebounds = r.GetInt32(18), Turnovers = r.GetInt32(19),
            });
        }
        return rows;
    }
}
