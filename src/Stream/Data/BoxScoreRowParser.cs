using System.Globalization;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Text;
using C = StreamProcessor.Stream.Data.BoxScoreCsvColumns;

namespace StreamProcessor.Stream.Data;

/// <summary>
/// Turns one record of the box-score file into a <see cref="BoxScore"/>, reporting every
/// problem in the row rather than only the first, so a user can fix a row in one pass.
/// </summary>
internal sealed class BoxScoreRowParser(IReadOnlyDictionary<string, int> columnIndex, BoxScoreCsvErrorCollector errors)
{
    private const double MaxMinutes = 80;

    private readonly Dictionary<(string Lookup, DateOnly Date), int> _firstLineOfPlayerDate = [];

    /// <summary>Returns the row, or null when it has any error (all of them reported).</summary>
    public BoxScore? Parse(IReadOnlyList<string> fields, int line)
    {
        var failed = false;

        string Field(string column) => fields[columnIndex[column]].Trim();

        void Fail(string column, string reason, string value)
        {
            failed = true;
            errors.Add(line, column, reason, value);
        }

        int? Count(string column)
        {
            var text = Field(column);
            if (TryParseCount(text, out var count)) return count;
            Fail(column, "expected a non-negative integer", text);
            return null;
        }

        bool? Flag(string column)
        {
            var text = Field(column);
            if (text is "0" or "1") return text == "1";
            Fail(column, "expected 0 or 1", text);
            return null;
        }

        string? Text(string column, string what)
        {
            var text = Field(column);
            if (text.Length > 0) return text;
            Fail(column, $"{what} is empty", text);
            return null;
        }

        var name = Text(C.Name, "player name");
        var lookup = name is null ? null : PlayerSlug.From(name);
        if (lookup == "")
        {
            Fail(C.Name, "player name has no letters or digits", name!);
            lookup = null;
        }

        var dateText = Field(C.Date);
        DateOnly? date = null;
        if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsedDate))
            date = parsedDate;
        else
            Fail(C.Date, LooksLikeIsoDate(dateText) ? "not a real calendar date" : "expected a date as yyyy-MM-dd", dateText);

        var team = Text(C.Team, "team name");
        var opponent = Text(C.Opponent, "opponent team name");
        var win = Flag(C.Win);
        var home = Flag(C.Home);

        var minutesText = Field(C.Minutes);
        double? minutes = null;
        if (TryParseNumber(minutesText, out var parsedMinutes) && parsedMinutes is >= 0 and <= MaxMinutes)
            minutes = parsedMinutes;
        else
            Fail(C.Minutes, $"expected minutes as a number from 0 to {MaxMinutes}", minutesText);

        var points = Count(C.Points);
        var assists = Count(C.Assists);
        var blocks = Count(C.Blocks);
        var steals = Count(C.Steals);
        var fga = Count(C.FieldGoalsAttempted);
        var fg = Count(C.FieldGoalsMade);
        var threesAttempted = Count(C.ThreesAttempted);
        var threesMade = Count(C.ThreesMade);
        var fta = Count(C.FreeThrowsAttempted);
        var ftm = Count(C.FreeThrowsMade);
        var rebounds = Count(C.Rebounds);
        var turnovers = Count(C.Turnovers);

        foreach (var column in C.Percentages)
        {
            if (!columnIndex.ContainsKey(column)) continue;
            var text = Field(column);
            if (text.Length > 0 && !TryParseNumber(text, out _)) Fail(column, "expected a number or nothing", text);
        }

        if (fg > fga) Fail(C.FieldGoalsMade, $"must not exceed {C.FieldGoalsAttempted} ({fga})", Field(C.FieldGoalsMade));
        if (threesMade > threesAttempted) Fail(C.ThreesMade, $"must not exceed {C.ThreesAttempted} ({threesAttempted})", Field(C.ThreesMade));
        if (threesMade > fg) Fail(C.ThreesMade, $"must not exceed {C.FieldGoalsMade} ({fg}), since a three is a field goal", Field(C.ThreesMade));
        if (ftm > fta) Fail(C.FreeThrowsMade, $"must not exceed {C.FreeThrowsAttempted} ({fta})", Field(C.FreeThrowsMade));

        if (points is { } pts && fg is { } made && threesMade is { } threes && ftm is { } freeThrows)
        {
            var expected = 2 * made + threes + freeThrows;
            if (pts != expected)
                Fail(C.Points, $"must equal 2*FG + 3PM + FTM = 2*{made} + {threes} + {freeThrows} = {expected}", Field(C.Points));
        }

        if (team is not null && opponent is not null && string.Equals(team, opponent, StringComparison.OrdinalIgnoreCase))
            Fail(C.Opponent, $"must differ from {C.Team}", opponent);

        if (lookup is not null && date is { } day)
        {
            if (_firstLineOfPlayerDate.TryGetValue((lookup, day), out var firstLine))
                Fail(C.Name, $"player '{lookup}' already has a row on {day:yyyy-MM-dd} at line {firstLine}", name!);
            else
                _firstLineOfPlayerDate[(lookup, day)] = line;
        }

        if (failed) return null;
        return new BoxScore
        {
            PlayerName = name!,
            PlayerLookup = lookup!,
            GameDate = date!.Value,
            Team = team!,
            Opponent = opponent!,
            Win = win!.Value,
            Home = home!.Value,
            Minutes = minutes!.Value,
            Points = points!.Value,
            Assists = assists!.Value,
            Blocks = blocks!.Value,
            Steals = steals!.Value,
            FieldGoalsAttempted = fga!.Value,
            FieldGoalsMade = fg!.Value,
            ThreesAttempted = threesAttempted!.Value,
            ThreesMade = threesMade!.Value,
            FreeThrowsAttempted = fta!.Value,
            FreeThrowsMade = ftm!.Value,
            Rebounds = rebounds!.Value,
            Turnovers = turnovers!.Value,
        };
    }

    private static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Some exports write counts as "12.0"; that is still the integer 12, but "12.5" is not.</summary>
    private static bool TryParseCount(string text, out int count)
    {
        count = 0;
        if (!TryParseNumber(text, out var value) || value < 0 || value > int.MaxValue || value != Math.Floor(value)) return false;
        count = (int)value;
        return true;
    }

    private static bool LooksLikeIsoDate(string text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-'
        && text.Where((c, i) => i is not (4 or 7)).All(char.IsAsciiDigit);
}
