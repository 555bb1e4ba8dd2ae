namespace StreamProcessor.Tests.EndToEnd;

public class DataLoadCommandTests
{
    private const string Header = "firstName,gameDate,playerteamName,opponentteamName,win,home,MP,PTS,AST,BLK,STL,FGA,FG,FG%,3PA,3PM,3P%,FTA,FTM,FT%,TRB,TOV";

    [Fact]
    public async Task A_file_with_bad_rows_loads_nothing_and_names_each_bad_line()
    {
        using var temp = new TempDirectory();
        var csv = temp.File("box.csv");
        await File.WriteAllLinesAsync(csv,
        [
            Header,
            "Al Horford,2024-10-22,Celtics,Knicks,1,1,26.05,11,5,1,1,7,4,0.571,5,3,0.6,0,0,0,3,0",
            "Derrick White,2024-10-22,Celtics,Knicks,1,1,26.38,-24,4,0,1,13,8,0.615,10,6,0.6,2,2,1,3,0",
            "Jaylen Brown,2024-13-22,Celtics,Knicks,1,1,29.54,23,1,0,1,18,7,0.389,9,5,0.556,4,4,1,7,1",
        ]);

        var run = await Cli.RunAsync("data", "load", "--box-scores", csv, "--data-dir", temp.Path, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("box.csv:3:", run.Error);
        Assert.Contains("PTS", run.Error);
        Assert.Contains("box.csv:4:", run.Error);
        Assert.Contains("gameDate", run.Error);
        Assert.DoesNotContain("box.csv:2:", run.Error);
        Assert.Equal(0, run.Json.GetProperty("loaded").GetInt32());
        Assert.Equal([3, 4], run.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        var warehouse = Path.Combine(temp.Path, "warehouse.duckdb");
        Assert.True(!File.Exists(warehouse) || (long)WarehouseQuery.Rows(warehouse, "SELECT count(*) FROM nba_analytics.player_game_summary")[0][0] == 0);
    }

    [Fact]
    public async Task A_clean_file_loads_every_row()
    {
        using var temp = new TempDirectory();
        var csv = temp.File("box.csv");
        await File.WriteAllLinesAsync(csv,
        [
            Header,
            "Al Horford,2024-10-22,Celtics,Knicks,1,1,26.05,11,5,1,1,7,4,0.571,5,3,0.6,0,0,0,3,0",
            "Jalen Brunson,2024-10-22,Knicks,Celtics,0,0,33.7,22,7,0,1,21,8,0.381,5,2,0.4,4,4,1,3,2",
        ]);

        var run = await Cli.RunOkAsync("data", "load", "--box-scores", csv, "--data-dir", temp.Path, "--json");

        Assert.Equal(2, run.Json.GetProperty("loaded").GetInt32());
        var rows = WarehouseQuery.Rows(Path.Combine(temp.Path, "warehouse.duckdb"),
            "SELECT player_lookup, game_id FROM nba_analytics.player_game_summary ORDER BY 1");
        Assert.Equal(["al-horford|20241022_NYK_BOS", "jalen-brunson|20241022_NYK_BOS"], rows.Select(r => $"{r[0]}|{r[1]}"));
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_that_lists_the_valid_ones()
    {
        var run = await Cli.RunAsync("data", "load", "--box-score", "x.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--box-scores", run.Error);
    }
}
