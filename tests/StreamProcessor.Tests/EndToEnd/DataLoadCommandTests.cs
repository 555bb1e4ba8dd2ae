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
            "Test Forward,2024-10-22,Celtics,Knicks,1,1,25.5,12,3,0,2,9,5,0.556,4,2,0.5,0,0,0,6,1",
            "Test Guard,2024-10-22,Celtics,Knicks,1,1,30.0,-20,4,0,1,13,8,0.615,10,3,0.3,1,1,1,3,0",
            "Test Wing,2024-13-22,Celtics,Knicks,1,1,28.0,18,1,0,1,15,7,0.467,6,2,0.333,2,2,1,5,1",
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
            "Test Forward,2024-10-22,Celtics,Knicks,1,1,25.5,12,3,0,2,9,5,0.556,4,2,0.5,0,0,0,6,1",
            "Test Center,2024-10-22,Knicks,Celtics,0,0,31.2,19,2,3,0,14,8,0.571,1,0,0,4,3,0.75,11,2",
        ]);

        var run = await Cli.RunOkAsync("data", "load", "--box-scores", csv, "--data-dir", temp.Path, "--json");

        Assert.Equal(2, run.Json.GetProperty("loaded").GetInt32());
        var rows = WarehouseQuery.Rows(Path.Combine(temp.Path, "warehouse.duckdb"),
            "SELECT player_lookup, game_id FROM nba_analytics.player_game_summary ORDER BY 1");
        Assert.Equal(["test-center|20241022_NYK_BOS", "test-forward|20241022_NYK_BOS"], rows.Select(r => $"{r[0]}|{r[1]}"));
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_that_lists_the_valid_ones()
    {
        var run = await Cli.RunAsync("data", "load", "--box-score", "x.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--box-scores", run.Error);
    }
}
