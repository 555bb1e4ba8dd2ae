namespace StreamProcessor.Systems.Players;

/// <summary>
/// Resolves the names requests and sportsbooks use to the canonical lookups of the box scores: as given, then
/// through the aliases, then by <see cref="PlayerNameKey"/> (punctuation, accents, suffixes). A key that several
/// players share is ambiguous and is reported with them, never guessed; an unknown name comes with the closest lookups.
/// </summary>
public sealed class PlayerDirectory
{
    private const int Suggestions = 3;

    private readonly HashSet<string> _lookups;
    private readonly Dictionary<string, string[]> _aliases;
    private readonly Dictionary<string, string[]> _byKey;

    public PlayerDirectory(IEnumerable<CanonicalPlayer> players, IEnumerable<PlayerAlias> aliases)
    {
        var all = players.ToArray();
        _lookups = all.Select(p => p.Lookup).ToHashSet(StringComparer.Ordinal);
        var aliasList = aliases.ToArray();
        UnknownAliasTargets = aliasList.Where(a => !_lookups.Contains(a.Lookup)).ToArray();
        _aliases = aliasList.Where(a => _lookups.Contains(a.Lookup))
            .GroupBy(a => PlayerNameKey.Of(a.Alias))
            .Where(g => g.Key.Length > 0)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Lookup).Distinct().Order(StringComparer.Ordinal).ToArray());
        _byKey = all.SelectMany(p => new[] { (Key: PlayerNameKey.Of(p.Lookup), p.Lookup), (Key: PlayerNameKey.Of(p.Name), p.Lookup) })
            .Where(k => k.Key.Length > 0)
            .GroupBy(k => k.Key)
            .ToDictionary(g => g.Key, g => g.Select(k => k.Lookup).Distinct().Order(StringComparer.Ordinal).ToArray());
    }

    public static PlayerDirectory Empty { get; } = new([], []);

    public int Count => _lookups.Count;

    /// <summary>Aliases that point at no known player: the file is out of date, or misspells a lookup.</summary>
    public IReadOnlyList<PlayerAlias> UnknownAliasTargets { get; }

    /// <summary>Names that normalise alike for several players (each one's name would be ambiguous in any other spelling).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Collisions =>
        _byKey.Values.Where(v => v.Length > 1).Select(v => (IReadOnlyList<string>)v).ToArray();

    public PlayerResolution Resolve(string name)
    {
        if (_lookups.Contains(name)) return new(PlayerMatch.Exact, name, []);
        var key = PlayerNameKey.Of(name);
        if (_aliases.TryGetValue(key, out var aliased))
            return aliased.Length == 1 ? new(PlayerMatch.Alias, aliased[0], []) : new(PlayerMatch.Ambiguous, null, aliased);
        if (_byKey.TryGetValue(key, out var matched))
            return matched.Length == 1 ? new(PlayerMatch.Normalised, matched[0], []) : new(PlayerMatch.Ambiguous, null, matched);
        return new(PlayerMatch.Unknown, null, Closest(key));
    }

    private string[] Closest(string key) => _lookups
        .Select(lookup => (lookup, distance: EditDistance(key, PlayerNameKey.Of(lookup))))
        .OrderBy(c => c.distance).ThenBy(c => c.lookup, StringComparer.Ordinal)
        .Take(Suggestions)
        .Select(c => c.lookup)
        .ToArray();

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
