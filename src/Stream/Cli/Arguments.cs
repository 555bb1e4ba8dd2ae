using System.Globalization;

namespace StreamProcessor.Stream.Cli;

/// <summary>
/// A parsed command line: the verb words (<c>data load</c>), <c>--name value</c> options and bare
/// <c>--flags</c>. Options may come before or after the verb.
/// </summary>
public sealed class Arguments
{
    private static readonly HashSet<string> Flags = ["json", "help", "force", "synthetic-lines"];
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Verb { get; }

    private Arguments(List<string> verb) => Verb = verb;

    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var verb = new List<string>();
        var parsed = new Arguments(verb);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h") arg = "--help";
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                verb.Add(arg);
                continue;
            }
            var name = arg[2..];
            string? value = null;
            if (name.IndexOf('=') is var eq and > 0) (name, value) = (name[..eq], name[(eq + 1)..]);
            if (Flags.Contains(name))
            {
                if (value is not null) throw new UsageException($"--{name} takes no value");
                parsed._flags.Add(name);
                continue;
            }
            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new UsageException($"--{name} needs a value");
                value = args[++i];
            }
            if (!parsed._options.TryAdd(name, value)) throw new UsageException($"--{name} is given twice");
        }
        return parsed;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public IEnumerable<string> OptionNames => _options.Keys;

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Require(string name, string why) =>
        Get(name) ?? throw new UsageException($"--{name} is required: {why}");

    public DateOnly? GetDate(string name)
    {
        if (Get(name) is not { } text) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"--{name} must be a date as YYYY-MM-DD, got \"{text}\"");
    }

    public int? GetInt(string name)
    {
        if (Get(name) is not { } text) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"--{name} must be a whole number, got \"{text}\"");
    }

    /// <summary>Rejects options the verb does not know, naming the ones it does.</summary>
    public void AllowOnly(string verb, params string[] allowed)
    {
        string[] global = ["data-dir", "config"];
        var unknown = _options.Keys.Where(k => !allowed.Contains(k) && !global.Contains(k)).ToArray();
        if (unknown.Length > 0)
            throw new UsageException($"{verb} does not take --{unknown[0]}; it takes {string.Join(", ", allowed.Concat(global).Select(a => "--" + a))}, --json");
    }
}
