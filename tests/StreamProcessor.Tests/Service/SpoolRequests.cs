using System.Globalization;

namespace StreamProcessor.Tests.Service;

/// <summary>Requests in the production message format for real player-games of the warehouse, as spool lines.</summary>
public static class SpoolRequests
{
    public sealed record Request(string PlayerLookup, DateOnly GameDate, string GameId, double Line)
    {
        public string Json => $$"""{"player_lookup": "{{PlayerLookup}}", "game_date": "{{GameDate:yyyy-MM-dd}}", "game_id": "{{GameId}}", "line_values": [{{Line.ToString(CultureInfo.InvariantCulture)}}]}""";
    }

    /// <summary>One request per player with features on each day of [from, to] (read before the service holds the warehouse).</summary>
    public static IReadOnlyList<Request> ForDays(string dataDir, DateOnly from, DateOnly to, int? limit = null) =>
        WarehouseQuery.Rows(Path.Combine(dataDir, "warehouse.duckdb"), $"""
            SELECT player_lookup, game_date, game_id, greatest(0.5, round(coalesce(pts_ewma, 10))) + 0.5
            FROM nba_predictions.ml_feature_store_v2
            WHERE game_date BETWEEN DATE '{from:yyyy-MM-dd}' AND DATE '{to:yyyy-MM-dd}'
            ORDER BY game_date, player_lookup {(limit is { } n ? $"LIMIT {n}" : "")}
            """)
            .Select(r => new Request((string)r[0], (DateOnly)r[1], (string)r[2], Convert.ToDouble(r[3], CultureInfo.InvariantCulture)))
            .ToArray();
}
