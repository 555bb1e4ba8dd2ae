using System.CommandLine;
using System.CommandLine.Parsing;
using StreamProcessor.Stream.Cli.CommandLine;

namespace StreamProcessor.Stream.Cli;

/// <summary>
/// What a verb was given on the command line, read by option name (<c>"date"</c> for <c>--date</c>). The parser
/// (<see cref="StreamCommandLine"/>) has already rejected options the verb does not declare and checked every value.
/// </summary>
public sealed class Arguments
{
    private readonly ParseResult _parsed;
    private readonly Dictionary<string, Option> _options = new(StringComparer.Ordinal);

    internal Arguments(ParseResult parsed)
    {
        _parsed = parsed;
        for (SymbolResult? at = parsed.CommandResult; at is not null; at = at.Parent)
        {
            if (at is not CommandResult command) continue;
            foreach (var option in command.Command.Options)
                if (at == parsed.CommandResult || option.Recursive)
                    _options.TryAdd(option.Name.TrimStart('-'), option);
        }
    }

    /// <summary>A verb's command line parsed outside the CLI (a harness running a verb's code in-process); a bad one is a usage error.</summary>
    internal static Arguments Parse(IReadOnlyList<string> args)
    {
        var root = StreamCommandLine.Build(new StreamProcessor.Stream.Configuration.StreamOptions(), _ => throw new InvalidOperationException("parsed, not run"));
        var parsed = root.Parse(args.ToArray());
        if (parsed.Errors.Count > 0) throw new UsageException(string.Join("; ", parsed.Errors.Select(e => e.Message)));
        return new Arguments(parsed);
    }

    /// <summary>Whether a flag such as <c>--force</c> was given.</summary>
    public bool Has(string flag) => _options.TryGetValue(flag, out var option) && option is Option<bool> f && _parsed.GetValue(f);

    /// <summary>The value given for <c>--name</c>, or null when the option was not given.</summary>
    public string? Get(string name) =>
        _options.TryGetValue(name, out var option) && option is Option<string> text ? _parsed.GetValue(text) : null;

    public string Require(string name, string why) =>
        Get(name) ?? throw new UsageException($"--{name} is required: {why}");

    public DateOnly? GetDate(string name) =>
        Get(name) is { } text ? CliOptions.ParseDate(text) ?? throw new UsageException($"--{name} must be a date as YYYY-MM-DD, got \"{text}\"") : null;

    public int? GetInt(string name) =>
        Get(name) is { } text
            ? int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new UsageException($"--{name} must be a whole number, got \"{text}\"")
            : null;
}
