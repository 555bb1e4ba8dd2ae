using System.CommandLine;
using System.Text;

namespace StreamProcessor.Stream.Cli.CommandLine;

/// <summary>
/// The README's command-line reference, written from the same declarations that parse, so the two cannot
/// drift: a test compares this text with the README's section.
/// </summary>
internal static class CommandLineReference
{
    public static string Markdown(RootCommand root)
    {
        var text = new StringBuilder();
        text.AppendLine("| verb | option | value | what it is |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var option in root.Options.Where(o => o.Recursive))
            text.AppendLine(Row("(every verb)", option));
        foreach (var (words, command) in StreamCommandLine.Verbs(root))
        {
            text.AppendLine($"| `{words}` | | | {Escape(command.Description)} |");
            foreach (var option in command.Options.Where(o => !o.Recursive && o is not System.CommandLine.Help.HelpOption))
                text.AppendLine(Row("", option));
        }
        return text.ToString();
    }

    private static string Row(string verb, Option option) =>
        $"| {verb} | `{option.Name}` | {(option.HelpName is { } value ? $"`{Escape(value)}`" : "")} | {Escape(option.Description)} |";

    private static string Escape(string? text) => (text ?? "").Replace("|", "\\|");
}
