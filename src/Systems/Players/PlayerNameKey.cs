using System.Globalization;
using System.Text;

namespace StreamProcessor.Systems.Players;

/// <summary>
/// The spelling-blind form of a player's name or lookup that the registry matches on: accents, case,
/// punctuation and word breaks are dropped, and so is a trailing generational suffix (jr, sr, ii, iii, iv).
/// "Royce O'Neale", "royce-o-neale" and "royce-oneale" all become "royceoneale"; "Jaren Jackson Jr." and
/// "jaren-jackson" become "jarenjackson".
/// </summary>
public static class PlayerNameKey
{
    private static readonly HashSet<string> Suffixes = ["jr", "sr", "ii", "iii", "iv"];

    public static string Of(string nameOrLookup)
    {
        var tokens = Tokens(nameOrLookup);
        // "Gary Payton II" loses its suffix; a two-word name never does (a surname could read like one).
        while (tokens.Count > 2 && Suffixes.Contains(tokens[^1])) tokens.RemoveAt(tokens.Count - 1);
        return string.Concat(tokens);
    }

    private static List<string> Tokens(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }
            if (current.Length > 0) tokens.Add(current.ToString());
            current.Clear();
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }
}
