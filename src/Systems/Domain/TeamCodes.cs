namespace StreamProcessor.Systems.Domain;

/// <summary>
/// Maps the team nicknames used by box-score files ("Lakers") to the three-letter codes
/// production puts in game ids ("LAL"). A nickname we do not know (another league, a renamed
/// franchise) gets the first three letters of its name, so any file still loads.
/// </summary>
public static class TeamCodes
{
    private static readonly Dictionary<string, string> ByNickname = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Hawks"] = "ATL", ["Celtics"] = "BOS", ["Nets"] = "BKN", ["Hornets"] = "CHA",
        ["Bulls"] = "CHI", ["Cavaliers"] = "CLE", ["Mavericks"] = "DAL", ["Nuggets"] = "DEN",
        ["Pistons"] = "DET", ["Warriors"] = "GSW", ["Rockets"] = "HOU", ["Pacers"] = "IND",
        ["Clippers"] = "LAC", ["Lakers"] = "LAL", ["Grizzlies"] = "MEM", ["Heat"] = "MIA",
        ["Bucks"] = "MIL", ["Timberwolves"] = "MIN", ["Pelicans"] = "NOP", ["Knicks"] = "NYK",
        ["Thunder"] = "OKC", ["Magic"] = "ORL", ["76ers"] = "PHI", ["Suns"] = "PHX",
        ["Trail Blazers"] = "POR", ["Blazers"] = "POR", ["Kings"] = "SAC", ["Spurs"] = "SAS",
        ["Raptors"] = "TOR", ["Jazz"] = "UTA", ["Wizards"] = "WAS",
    };

    /// <summary>The 30 NBA nicknames, one per franchise, in a stable order.</summary>
    public static IReadOnlyList<string> NbaNicknames { get; } = ByNickname
        .Where(kv => kv.Key != "Blazers").Select(kv => kv.Key).ToArray();

    public static string CodeFor(string nickname)
    {
        if (ByNickname.TryGetValue(nickname.Trim(), out var code)) return code;
        var letters = new string(nickname.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return letters.Length >= 3 ? letters[..3] : letters.PadRight(3, 'X');
    }
}
