using StreamProcessor.Stream.Sources;
using System.Text;
using System.Text.RegularExpressions;
using StreamProcessor.Tests.EndToEnd;

namespace StreamProcessor.Tests.Players;

/// <summary>The registry through the real binary: February requests naming players the other plausible way.</summary>
[Collection(RealSeasonCollection.Name)]
public partial class PlayerRegistryOnRealSeasonTests(RealSeasonFixture season)
{
    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();

    /// <summary>"Royce O'Neale" -> "royce-o-neale", "T.J. McConnell" -> "t-j-mcconnell": every mark becomes a word break.</summary>
    private static string OtherSpelling(string name) => NonAlphanumeric().Replace(name.ToLowerInvariant(), "-").Trim('-');

    [Fact]
    public async Task February_requests_spelling_apostrophes_and_periods_the_other_way_all_resolve_and_are_written_under_the_canonical_lookup()
    {
        using var data = season.CopyDataDir();
        var warehouse = Path.Combine(data.Path, "warehouse.duckdb");
        var games = WarehouseQuery.Rows(warehouse, """
            SELECT DISTINCT b.player_name, b.player_lookup, f.game_date, f.game_id
            FROM nba_analytics.player_game_summary b JOIN nba_predictions.ml_feature_store_v2 f USING (player_lookup, game_date)
            WHERE f.game_date BETWEEN DATE '2025-02-01' AND DATE '2025-02-28' AND regexp_matches(b.player_name, '[''.]')
            ORDER BY ALL
            """).Select(r => (Name: (string)r[0], Lookup: (string)r[1], Date: (DateOnly)r[2], GameId: (string)r[3])).ToArray();
        var respelt = games.Where(g => OtherSpelling(g.Name) != g.Lookup).ToArray();
        Assert.True(respelt.Length > 90, $"only {respelt.Length} February games of players whose names carry ' or .");
        Assert.Contains(respelt, g => OtherSpelling(g.Name) == "royce-o-neale");
        Assert.Contains(respelt, g => OtherSpelling(g.Name) == "t-j-mcconnell");

        var requests = data.File("respelt.jsonl");
        await File.WriteAllLinesAsync(requests, respelt.Select(g =>
            $$"""{"player_lookup": "{{OtherSpelling(g.Name)}}", "game_date": "{{g.Date:yyyy-MM-dd}}", "game_id": "{{g.GameId}}", "line_values": [9.5]}"""));

        var run = await EndToEnd.Cli.RunOkAsync("replay", "--requests", requests, "--data-dir", data.Path, "--json");

        Assert.Equal(respelt.Length, run.Json.GetProperty("requests").GetInt64());
        Assert.Equal(0, run.Json.GetProperty("dead_lettered").GetInt64());
        Assert.Equal(respelt.Length, run.Json.GetProperty("requests_completed").GetInt64());
        var logged = WarehouseQuery.Rows(warehouse, """
            SELECT r.requested_player_lookup, r.player_lookup, (SELECT count(*) FROM nba_predictions.player_prop_predictions p
                WHERE p.request_id = r.request_id AND p.player_lookup = r.player_lookup)
            FROM nba_predictions.prediction_worker_runs r WHERE r.request_id LIKE 'respelt.jsonl@%'
            """).Select(r => (Requested: (string)r[0], Canonical: (string)r[1], Rows: Convert.ToInt64(r[2]))).ToArray();
        Assert.Equal(respelt.Length, logged.Length);
        Assert.Equal(respelt.Select(g => (OtherSpelling(g.Name), g.Lookup)).Order(), logged.Select(l => (l.Requested, l.Canonical)).Order());
        Assert.All(logged, l => Assert.True(l.Rows > 0, $"{l.Requested}: no rows under {l.Canonical}"));
    }

    [Fact]
    public async Task An_unknown_player_is_dead_lettered_naming_the_closest_lookups_and_an_alias_from_the_file_resolves()
    {
        using var data = season.CopyDataDir();
        var aliases = data.File("aliases.csv");
        await File.WriteAllTextAsync(aliases, "alias,player_lookup,note\nKing James,lebron-james,a nickname\n");
        var config = data.File("config.yaml");
        await File.WriteAllTextAsync(config, $"players:\n  aliases_file: {aliases}\n");
        var requests = data.File("names.jsonl");
        await File.WriteAllLinesAsync(requests,
        [
            """{"player_lookup": "lebron-jmaes", "game_date": "2025-02-12", "game_id": "20250212_LAL_UTA", "line_values": [24.5]}""",
            """{"player_lookup": "king-james", "game_date": "2025-02-12", "game_id": "20250212_LAL_UTA", "line_values": [24.5]}""",
            """{"player_lookup": "jaren-jackson", "game_date": "2025-02-12", "game_id": "20250212_MEM_LAC", "line_values": [21.5]}""",
        ]);

        var run = await EndToEnd.Cli.RunOkAsync("replay", "--requests", requests, "--config", config, "--data-dir", data.Path, "--json");

        var warehouse = Path.Combine(data.Path, "warehouse.duckdb");
        var deadLetters = WarehouseQuery.Rows(warehouse,
            "SELECT request_id, reason_code, message FROM nba_predictions.dead_letter WHERE system_id IS NULL AND request_id LIKE 'names.jsonl@%'");
        var single = Assert.Single(deadLetters);
        Assert.Equal(JsonlFileRequestSource.MessageId(requests, 1), single[0]);
        Assert.Equal("no_features", single[1]); // the reason code unknown players always had; the message now names who was meant
        Assert.Contains("lebron-james", (string)single[2]);
        Assert.Equal(2, run.Json.GetProperty("requests_completed").GetInt64());
        var written = WarehouseQuery.Rows(warehouse,
            "SELECT DISTINCT request_id, player_lookup FROM nba_predictions.player_prop_predictions WHERE request_id LIKE 'names.jsonl@%' ORDER BY 1")
            .Select(r => $"{r[0]}={r[1]}");
        Assert.Equal([$"{JsonlFileRequestSource.MessageId(requests, 2)}=lebron-james", $"{JsonlFileRequestSource.MessageId(requests, 3)}=jaren-jackson-jr"], written);
    }

    [Fact]
    public async Task A_bad_line_in_the_aliases_file_stops_the_run_naming_the_file_and_line_before_anything_is_acknowledged()
    {
        using var data = season.CopyDataDir();
        var aliases = data.File("aliases.csv");
        await File.WriteAllTextAsync(aliases, "alias,player_lookup,note\nKing James,LeBron James,not a lookup\n");
        var config = data.File("config.yaml");
        await File.WriteAllTextAsync(config, $"players:\n  aliases_file: {aliases}\n");
        var requests = data.File("one.jsonl");
        await File.WriteAllTextAsync(requests, """{"player_lookup": "lebron-james", "game_date": "2025-02-12", "game_id": "20250212_LAL_UTA", "line_values": [24.5]}""" + "\n");

        var run = await EndToEnd.Cli.RunAsync("replay", "--requests", requests, "--config", config, "--data-dir", data.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{aliases}:2: column player_lookup", run.Error);
        Assert.Empty(WarehouseQuery.Rows(Path.Combine(data.Path, "warehouse.duckdb"),
            "SELECT * FROM nba_predictions.player_prop_predictions WHERE request_id LIKE 'one.jsonl@%'"));
    }
}
