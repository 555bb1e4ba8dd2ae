using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace StreamProcessor.Stream.Cli.CommandLine;

/// <summary>
/// Makes the command line's options: each one declared once, with its value checked where it is parsed, so a
/// bad value is a usage error (exit 2) naming the option, before any verb runs.
/// </summary>
internal static class CliOptions
{
    public static Option<string> Text(string name, string valueName, string description) =>
        new(name) { Description = description, HelpName = valueName };

    public static Option<string> Date(string name, string description)
    {
        var option = Text(name, "YYYY-MM-DD", description);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } text && ParseDate(text) is null)
                result.AddError($"{name} must be a date as YYYY-MM-DD, got \"{text}\"");
        });
        return option;
    }

    public static Option<string> WholeNumber(string name, string valueName, string description, int min, int max = int.MaxValue)
    {
        var option = Text(name, valueName, description);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is not { } text) return;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                result.AddError($"{name} must be a whole number, got \"{text}\"");
            else if (value < min || value > max)
                result.AddError($"{name} must be {(max == int.MaxValue ? $"at least {min}" : $"from {min} to {max}")}, got {value}");
        });
        return option;
    }

    /// <summary>One value of <paramref name="choices"/>; the shell completes them.</summary>
    public static Option<string> Choice(string name, string description, params string[] choices)
    {
        var option = Text(name, string.Join('|', choices), description);
        option.AcceptOnlyFromAmong(choices);
        return option;
    }

    /// <summary>A comma-separated list drawn from <paramref name="choices"/>, or <paramref name="everything"/> for all of them.</summary>
    public static Option<string> ChoiceList(string name, string description, string everything, params string[] choices)
    {
        var option = Text(name, $"{string.Join(',', choices)}|{everything}", description);
        option.CompletionSources.Add([.. choices, everything]);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is not { } text || text == everything) return;
            foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (!choices.Contains(item))
                    result.AddError($"{name} must be one or more of {string.Join(", ", choices)} (comma-separated) or {everything}, got \"{item}\"");
        });
        return option;
    }

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.Zero };

    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
