using DuckDB.NET.Data;
using StreamProcessor.Sinks.Freshness;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>
/// Freshness of the warehouse's input tables. To watch another table (betting lines, the player registry), add it
/// to <see cref="Inputs"/>: a table that does not exist (yet) is left out of the answer rather than failing it.
/// </summary>
public sealed class WarehouseInputFreshness(Warehouse warehouse) : IInputFreshness
{
    /// <summary>A watched table: its label, its schema and name, the column saying when a row arrived, and its game-date column if any.</summary>
    public sealed record Input(string Label, string Schema, string Table, string ArrivedColumn, string? GameDateColumn);

    public static IReadOnlyList<Input> Inputs { get; } =
    [
        new("box_scores", "nba_analytics", "player_game_summary", "loaded_at", "game_date"),
        new("features", "nba_predictions", "ml_feature_store_v2", "computed_at", "game_date"),
        new("lines", "nba_raw", "odds_api_player_props", "loaded_at", "game_date"),
        new("registry", "nba_reference", "nba_players_registry", "updated_at", null),
    ];

    public Task<IReadOnlyList<InputFreshness>> ReadAsync(DateOnly today, CancellationToken cancellationToken) => Task.Run(() =>
    {
        using var connection = warehouse.Connect();
        var present = Existing(connection);
        var answer = new List<InputFreshness>();
        foreach (var input in Inputs.Where(i => present.Contains((i.Schema, i.Table))))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var command = connection.CreateCommand();
            var todayRows = input.GameDateColumn is { } date ? $"count(*) FILTER (WHERE {date} = $today)" : "NULL";
            command.CommandText = $"SELECT max({input.ArrivedColumn}), {todayRows} FROM {input.Schema}.{input.Table}";
            command.Parameters.Add(new DuckDBParameter("today", today.ToDateTime(TimeOnly.MinValue)));
            using var reader = command.ExecuteReader();
            reader.Read();
            DateTimeOffset? newest = reader.IsDBNull(0) ? null : ToOffset(reader.GetValue(0));
            long? rowsToday = reader.IsDBNull(1) ? null : Convert.ToInt64(reader.GetValue(1));
            answer.Add(new InputFreshness(input.Label, newest, rowsToday));
        }
        return (IReadOnlyList<InputFreshness>)answer;
    }, cancellationToken);

    private static HashSet<(string, string)> Existing(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_schema, table_name FROM information_schema.tables";
        using var reader = command.ExecuteReader();
        var tables = new HashSet<(string, string)>();
        while (reader.Read()) tables.Add((reader.GetString(0), reader.GetString(1)));
        return tables;
    }

    private static DateTimeOffset ToOffset(object value) => value switch
    {
        DateTimeOffset offset => offset,
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, time.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : time.Kind)),
        _ => throw new InvalidCastException($"unexpected timestamp {value.GetType().Name}"),
    };
}
