using System.Globalization;
using System.Text;

namespace StreamProcessor.Systems.Text;

/// <summary>Production's <c>player_lookup</c>: the lower-case, accent-free, hyphenated slug of a name.</summary>
public static class PlayerSlug
{
    public static string From(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is '\'' or '.' or '’') continue; // "De'Aaron Fox" -> "deaaron-fox", "P.J." -> "pj"
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0) slug.Append('-');
                slug.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }
        return slug.ToString();
    }
}
