using System.Globalization;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Data;

/// <summary>
/// Writes box scores in the public file format, byte-for-byte the style of the real file
/// (LF line ends, percentages to 3 decimals, 0 when there were no attempts), so that
/// anything written reads back through <see cref="BoxScoreCsvReader"/> unchanged.
/// </summary>
public static class BoxScoreCsvWriter
{
    public static void Write(TextWriter writer, IEnumerable<BoxScore> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);

        writer.Write(string.Join(',', BoxScoreCsvColumns.Header));
        writer.Write('\n');
        foreach (var row in rows)
        {
            WriteText(writer, row.PlayerName); writer.Write(',');
            writer.Write(row.GameDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); writer.Write(',');
            WriteText(writer, row.Team); writer.Write(',');
            WriteText(writer, row.Opponent); writer.Write(',');
            writer.Write(row.Win ? '1' : '0'); writer.Write(',');
            writer.Write(row.Home ? '1' : '0'); writer.Write(',');
            // Shortest text that parses back to the same double: the round trip is exact.
            writer.Write(row.Minutes.ToString(CultureInfo.InvariantCulture)); writer.Write(',');
            WriteInt(writer, row.Points);
            WriteInt(writer, row.Assists);
            WriteInt(writer, row.Blocks);
            WriteInt(writer, row.Steals);
            WriteInt(writer, row.FieldGoalsAttempted);
            WriteInt(writer, row.FieldGoalsMade);
            WritePercent(writer, row.FieldGoalsMade, row.FieldGoalsAttempted);
            WriteInt(writer, row.ThreesAttempted);
            WriteInt(writer, row.ThreesMade);
            WritePercent(writer, row.ThreesMade, row.ThreesAttempted);
            WriteInt(writer, row.FreeThrowsAttempted);
            WriteInt(writer, row.FreeThrowsMade);
            WritePercent(writer, row.FreeThrowsMade, row.FreeThrowsAttempted);
            WriteInt(writer, row.Rebounds);
            writer.Write(row.Turnovers.ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    private static void WriteInt(TextWriter writer, int value)
    {
        writer.Write(value.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
    }

    private static void WritePercent(TextWriter writer, int made, int attempted)
    {
        writer.Write(attempted == 0 ? "0" : ((double)made / attempted).ToString("0.###", CultureInfo.InvariantCulture));
        writer.Write(',');
    }

    private static void WriteText(TextWriter writer, string text)
    {
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(text);
            return;
        }
        writer.Write('"');
        writer.Write(text.Replace("\"", "\"\""));
        writer.Write('"');
    }
}
