using System.Text;
using StreamProcessor.Stream.Data;
using StreamProcessor.Systems.Domain;
using Xunit;

namespace StreamProcessor.Tests.Data;

public class BoxScoreCsvReaderTests
{
    private const string Header =
        "firstName,gameDate,playerteamName,opponentteamName,win,home,MP,PTS,AST,BLK,STL,FGA,FG,FG%,3PA,3PM,3P%,FTA,FTM,FT%,TRB,TOV";

    // Jayson Tatum's opening night: 37 = 2*14 + 8 + 1.
    private const string GoodRow = "Jayson Tatum,2024-10-22,Celtics,Knicks,1,1,30.18,37,10,1,1,18,14,0.778,11,8,0.727,2,1,0.5,4,1";

    private static BoxScoreCsvResult Read(string text, BoxScoreCsvReaderOptions? options = null) =>
        BoxScoreCsvReader.Read(new StringReader(text), "box.csv", options);

    [Fact]
    public void The_real_shared_file_loads_cleanly_with_every_row()
    {
        using var reader = new StreamReader(TestData.BoxScoresCsv);
        var result = BoxScoreCsvReader.Read(reader, "box_scores_2024_25_oct_feb.csv");

        Assert.Empty(result.Errors);
        Assert.True(result.IsClean);
        Assert.Equal(19_036, result.Rows.Count);

        var first = result.Rows[0];
        Assert.Equal("Al Horford", first.PlayerName);
        Assert.Equal("al-horford", first.PlayerLookup);
        Assert.Equal(new DateOnly(2024, 10, 22), first.GameDate);
        Assert.Equal(("Celtics", "Knicks", true, true), (first.Team, first.Opponent, first.Win, first.Home));
        Assert.Equal(26.05, first.Minutes);
        Assert.Equal((11, 7, 4, 5, 3), (first.Points, first.FieldGoalsAttempted, first.FieldGoalsMade, first.ThreesAttempted, first.ThreesMade));
    }

    [Fact]
    public void A_good_row_becomes_a_box_score_with_its_player_lookup()
    {
        var result = Read(Header + "\n" + GoodRow + "\n");

        Assert.True(result.IsClean);
        var row = Assert.Single(result.Rows);
        Assert.Equal("jayson-tatum", row.PlayerLookup);
        Assert.Equal(37, row.Points);
        Assert.Equal((18, 14, 11, 8, 2, 1), (row.FieldGoalsAttempted, row.FieldGoalsMade, row.ThreesAttempted, row.ThreesMade, row.FreeThrowsAttempted, row.FreeThrowsMade));
        Assert.Equal((10, 1, 1, 4, 1), (row.Assists, row.Blocks, row.Steals, row.Rebounds, row.Turnovers));
    }

    [Fact]
    public void Each_bad_row_is_reported_with_its_line_column_and_reason()
    {
        var csv = string.Join("\n",
            Header,                                                                                                  // 1
            GoodRow,                                                                                                 // 2
            "Derrick White,2024-10-22,Celtics,Knicks,1,1,26.38,-3,4,0,1,13,8,0.615,10,6,0.6,2,2,1,3,0",             // 3 PTS negative
            "Jaylen Brown,2024-02-30,Celtics,Knicks,1,1,29.54,23,1,0,1,18,7,0.389,9,5,0.556,4,4,1,7,1",             // 4 no such date
            ",2024-10-22,Celtics,Knicks,1,1,10,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0",                                      // 5 empty name
            "Al Horford,22/10/2024,Celtics,Knicks,2,1,26.05,11,5,1,1,7,4,0.571,5,3,0.6,0,0,0,3,0",                  // 6 date format, win
            "Sam Hauser,2024-10-22,Celtics,Knicks,1,1,81,3,0,0,0,1,1,1,1,1,1,0,0,0,0,0",                            // 7 MP too high
            "Luke Kornet,2024-10-22,Celtics,Knicks,1,1,12,4.5,0,0,0,2,2,1,0,0,0,0,0,0,abc,0",                       // 8 PTS 4.5, TRB abc
            "Neemias Queta,2024-10-22,Celtics,Knicks,1,1,12,4,0,0,0,2,3,1,0,0,0,0,0,0,1,0",                         // 9 FG > FGA, PTS identity
            "Jrue Holiday,2024-10-22,Celtics,Knicks,1,1,30,6,0,0,0,5,1,0.2,1,2,1,1,2,1,1,0",                         // 10 3PM > 3PA, 3PM > FG, FTM > FTA
            "Payton Pritchard,2024-10-22,Celtics,Knicks,1,1,20,10,0,0,0,5,4,0.8,2,1,0.5,0,0,0,1,0",                 // 11 PTS 10 != 9
            "Xavier Tillman,2024-10-22,Celtics,Celtics,1,1,5,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0",                        // 12 team = opponent
            "Jayson Tatum,2024-10-22,Celtics,Knicks,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0",                           // 13 duplicate of line 2
            "Jordan Walsh,2024-10-22,Celtics,Knicks,1,1,1,0,0,0",                                                    // 14 too few fields
            "Baylor Scheierman,2024-10-22,Celtics,Knicks,1,1,1,0,0,0,0,0,0,x,0,0,0,0,0,0,0,0",                      // 15 FG% not a number
            "Kristaps Porzingis,2024-10-22,Celtics,Knicks,1,1,25,12.0,1,2,0,8,5,,2,1,,2,1,,6,1");                   // 16 fine: 12.0 and empty %

        var result = Read(csv);

        Assert.False(result.IsClean);
        Assert.Equal(["Jayson Tatum", "Kristaps Porzingis"], result.Rows.Select(r => r.PlayerName));
        Assert.Equal(12, result.Rows[1].Points);

        var found = result.Errors.Select(e => (e.LineNumber, e.Column)).ToList();
        Assert.Equal(
        [
            (3, "PTS"), (4, "gameDate"), (5, "firstName"), (6, "gameDate"), (6, "win"), (7, "MP"),
            (8, "PTS"), (8, "TRB"), (9, "FG"), (9, "PTS"), (10, "3PM"), (10, "3PM"), (10, "FTM"),
            (11, "PTS"), (12, "opponentteamName"), (13, "firstName"), (14, null), (15, "FG%"),
        ], found);

        string At(int line, string? column, int nth = 0) =>
            result.Errors.Where(e => e.LineNumber == line && e.Column == column).ElementAt(nth).ToString();

        Assert.Equal("box.csv:3: column PTS: expected a non-negative integer, got \"-3\"", At(3, "PTS"));
        Assert.Equal("box.csv:4: column gameDate: not a real calendar date, got \"2024-02-30\"", At(4, "gameDate"));
        Assert.Contains("player name is empty", At(5, "firstName"));
        Assert.Equal("box.csv:6: column gameDate: expected a date as yyyy-MM-dd, got \"22/10/2024\"", At(6, "gameDate"));
        Assert.Equal("box.csv:6: column win: expected 0 or 1, got \"2\"", At(6, "win"));
        Assert.Contains("from 0 to 80, got \"81\"", At(7, "MP"));
        Assert.Contains("non-negative integer, got \"4.5\"", At(8, "PTS"));
        Assert.Contains("non-negative integer, got \"abc\"", At(8, "TRB"));
        Assert.Equal("box.csv:9: column FG: must not exceed FGA (2), got \"3\"", At(9, "FG"));
        Assert.Contains("must not exceed 3PA (1)", At(10, "3PM", 0));
        Assert.Contains("must not exceed FG (1)", At(10, "3PM", 1));
        Assert.Contains("must not exceed FTA (1)", At(10, "FTM"));
        Assert.Equal("box.csv:11: column PTS: must equal 2*FG + 3PM + FTM = 2*4 + 1 + 0 = 9, got \"10\"", At(11, "PTS"));
        Assert.Contains("must differ from playerteamName", At(12, "opponentteamName"));
        Assert.Contains("already has a row on 2024-10-22 at line 2", At(13, "firstName"));
        Assert.Contains("expected 22 fields like the header, got 10", At(14, null));
        Assert.Contains("expected a number or nothing, got \"x\"", At(15, "FG%"));
    }

    [Fact]
    public void Counting_stats_accept_whole_numbers_written_with_a_decimal_point_only()
    {
        Assert.True(Read(Header + "\n" + GoodRow.Replace(",37,", ",37.0,")).IsClean);

        foreach (var bad in new[] { "37.5", "-37", "abc", "" })
        {
            var error = Assert.Single(Read(Header + "\n" + GoodRow.Replace(",37,", $",{bad},")).Errors);
            Assert.Equal(("PTS", "expected a non-negative integer", bad), (error.Column, error.Reason, error.Value));
        }
    }

    [Fact]
    public void Quoted_fields_may_hold_commas_doubled_quotes_and_line_breaks()
    {
        var csv = Header + "\n"
            + "\"Smith, \"\"Big\"\" John\",2024-10-22,\"Trail Blazers\",Knicks,1,1,30,2,0,0,0,1,1,1,0,0,0,0,0,0,0,0\n"
            + "\"Two\nLines\",2024-10-22,Kings,Knicks,1,1,30,2,0,0,0,1,1,1,0,0,0,0,0,0,0,0\n"
            + "Bad Row,2024-10-22,Kings,Knicks,1,1,30,x,0,0,0,1,1,1,0,0,0,0,0,0,0,0\n";

        var result = Read(csv);

        Assert.Equal("Smith, \"Big\" John", result.Rows[0].PlayerName);
        Assert.Equal("smith-big-john", result.Rows[0].PlayerLookup);
        Assert.Equal("Trail Blazers", result.Rows[0].Team);
        Assert.Equal("Two\nLines", result.Rows[1].PlayerName);
        // The quoted line break makes the bad row physical line 5, not record 4.
        Assert.Equal(5, Assert.Single(result.Errors).LineNumber);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_where_it_starts()
    {
        var result = Read(Header + "\n" + GoodRow + "\n\"Unclosed,2024-10-22,Kings\n" + GoodRow + "\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, (string?)null), (error.LineNumber, error.Column));
        Assert.Contains("never closed", error.Reason);
        Assert.True(error.Value!.Length <= BoxScoreCsvError.MaxValueLength + 1);
    }

    [Fact]
    public void A_byte_order_mark_CRLF_line_ends_and_blank_trailing_lines_are_accepted()
    {
        var text = Header + "\r\n" + GoodRow + "\r\n" + GoodRow.Replace("Jayson Tatum", "Jaylen Brown") + "\r\n\r\n\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        using var viaStream = new StreamReader(new MemoryStream(bytes));
        var decoded = BoxScoreCsvReader.Read(viaStream, "box.csv");
        var raw = Read("\uFEFF" + text); // a BOM that reached the reader as a character

        foreach (var result in new[] { decoded, raw })
        {
            Assert.True(result.IsClean, string.Join("\n", result.Errors));
            Assert.Equal(["Jayson Tatum", "Jaylen Brown"], result.Rows.Select(r => r.PlayerName));
            Assert.Equal(30.18, result.Rows[0].Minutes);
        }
    }

    [Fact]
    public void A_missing_required_column_is_named_and_no_rows_are_read()
    {
        var header = Header.Replace(",PTS", "");
        var row = GoodRow.Replace(",30.18,37,", ",30.18,");

        var result = Read(header + "\n" + row + "\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "PTS"), (error.LineNumber, error.Column));
        Assert.Equal("box.csv:1: column PTS: required column is missing from the header", error.ToString());
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Columns_may_come_in_any_order_with_extras_ignored_and_percentages_left_out()
    {
        var csv = "PTS,notes,FTM,FTA,3PM,3PA,FG,FGA,TOV,TRB,STL,BLK,AST,MP,home,win,opponentteamName,playerteamName,gameDate,firstName\n"
                + "37,\"great game, really\",1,2,8,11,14,18,1,4,1,1,10,30.18,1,1,Knicks,Celtics,2024-10-22,Jayson Tatum\n";

        var result = Read(csv);

        Assert.True(result.IsClean, string.Join("\n", result.Errors));
        var expected = Assert.Single(Read(Header + "\n" + GoodRow).Rows);
        Assert.Equal(expected, Assert.Single(result.Rows));
    }

    [Fact]
    public void Errors_stop_at_the_cap_and_say_that_more_exist()
    {
        var bad = GoodRow.Replace(",37,", ",-1,");
        var csv = Header + "\n" + string.Join("\n", Enumerable.Range(0, 10).Select(i => bad.Replace("Jayson Tatum", $"Player {i}")));

        var capped = Read(csv, new BoxScoreCsvReaderOptions { MaxErrors = 3 });
        var all = Read(csv);

        Assert.Equal([2, 3, 4], capped.Errors.Select(e => e.LineNumber));
        Assert.True(capped.StoppedAtErrorLimit);
        Assert.Equal(10, all.Errors.Count);
        Assert.False(all.StoppedAtErrorLimit);
    }

    [Fact]
    public void An_empty_file_is_an_error_not_an_empty_season()
    {
        var result = Read("");

        Assert.False(result.IsClean);
        Assert.Contains("empty", Assert.Single(result.Errors).Reason);
    }

    [Fact]
    public void Long_offending_values_are_shortened()
    {
        var longName = new string('x', 500);
        var csv = Header + "\n" + GoodRow.Replace("Knicks", longName).Replace("Celtics", longName);

        var error = Assert.Single(Read(csv).Errors);

        Assert.Equal("opponentteamName", error.Column);
        Assert.Equal(BoxScoreCsvError.MaxValueLength + 1, error.Value!.Length);
        Assert.EndsWith("…", error.Value);
    }

    [Fact]
    public void Writing_then_reading_gives_back_the_same_rows_in_the_real_files_format()
    {
        using var reader = new StreamReader(TestData.BoxScoresCsv);
        var original = BoxScoreCsvReader.Read(reader, "real").Rows;
        var odd = original[0] with { PlayerName = "O'Neal, \"Shaq\"", PlayerLookup = "oneal-shaq", Minutes = 1.0 / 3 };
        var rows = original.Take(500).Append(odd).ToList();

        var written = new StringWriter();
        BoxScoreCsvWriter.Write(written, rows);
        var reread = BoxScoreCsvReader.Read(new StringReader(written.ToString()), "written");

        Assert.True(reread.IsClean, string.Join("\n", reread.Errors));
        Assert.Equal(rows, reread.Rows);

        var realLines = File.ReadLines(TestData.BoxScoresCsv).Take(501);
        Assert.Equal(realLines, written.ToString().Split('\n').Take(501));
    }
}
