using System.Globalization;

namespace StreamProcessor.Google.BigQuery.Read;

/// <summary>Pieces of a read session's row restriction (GoogleSQL), with literals quoted the one way every reader needs.</summary>
internal static class RowRestriction
{
    public static string Date(DateOnly date) => $"'{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";

    public static string Text(string text) => $"'{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'";

    /// <summary>game_date in [from, to], both inclusive.</summary>
    public static string DatesBetween(DateOnly from, DateOnly to) => $"game_date >= {Date(from)} AND game_date <= {Date(to)}";

    /// <summary>Whether a value can go into an IN list as it is (player lookups; anything else is left out by the caller).</summary>
    public static bool IsPlainLiteral(string value) => value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ' ');
}
