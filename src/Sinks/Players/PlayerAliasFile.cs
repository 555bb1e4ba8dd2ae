using StreamProcessor.Systems.Players;

namespace StreamProcessor.Sinks.Players;

/// <summary>
/// The aliases file a user extends (<c>config/player-aliases.csv</c>): a header <c>alias,player_lookup,note</c>,
/// then one alias per line; blank lines and lines starting with <c>#</c> are comments. A bad line is reported
/// with its number and the whole file is refused, as with box scores (an <see cref="InvalidOperationException"/> naming every bad line).
/// </summary>
public static class PlayerAliasFile
{
    public const string Header = "alias,player_lookup,note";

    public static IReadOnlyList<PlayerAlias> Read(string path)
    {
        var aliases = new List<PlayerAlias>();
        var errors = new List<string>();
        var headerSeen = false;
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split(',');
            if (!headerSeen)
            {
                headerSeen = true;
                if (!line.StartsWith("alias,player_lookup", StringComparison.Ordinal))
                    errors.Add($"{path}:{lineNumber}: the header must be \"{Header}\", got \"{line}\"");
                continue;
            }
            if (fields.Length is < 2 or > 3)
            {
                errors.Add($"{path}:{lineNumber}: expected alias,player_lookup[,note] (no commas inside a field), got \"{line}\"");
                continue;
            }
            var alias = fields[0].Trim();
            var lookup = fields[1].Trim();
            if (PlayerNameKey.Of(alias).Length == 0) errors.Add($"{path}:{lineNumber}: column alias: empty or without letters, got \"{alias}\"");
            else if (lookup.Length == 0 || lookup != Systems.Text.PlayerSlug.From(lookup))
                errors.Add($"{path}:{lineNumber}: column player_lookup: must be a lookup like \"lebron-james\", got \"{lookup}\"");
            else aliases.Add(new PlayerAlias(alias, lookup));
        }
        if (errors.Count > 0)
            throw new InvalidOperationException($"the player aliases file has {errors.Count} bad line(s); fix them or remove the file:{Environment.NewLine}  " +
                                           string.Join(Environment.NewLine + "  ", errors));
        return aliases;
    }
}
