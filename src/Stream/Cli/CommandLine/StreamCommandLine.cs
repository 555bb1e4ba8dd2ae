using System.CommandLine;
using StreamProcessor.Stream.Commands;
using StreamProcessor.Stream.Configuration;

namespace StreamProcessor.Stream.Cli.CommandLine;

/// <summary>
/// The whole command line, declared once: every verb with its options, descriptions and defaults. The same
/// declaration parses, validates, prints help (<c>stream VERB --help</c>), suggests corrections and completes.
/// Defaults shown in help come from the bound configuration, so help and config.yaml agree.
/// </summary>
internal static class StreamCommandLine
{
    public delegate Task<int> VerbAction(CommandContext context, CancellationToken cancellationToken);

    public static RootCommand Build(StreamOptions defaults, Func<ParseResult, CommandContext> context)
    {
        var global = new GlobalOptions(defaults);
        var root = new RootCommand("stream: NBA player-prop predictions from five systems, on TPL Dataflow.");
        foreach (var option in global.All) root.Options.Add(option);
        root.Options.OfType<System.CommandLine.VersionOption>().Single().Action = new VersionAction();

        var data = new Command("data", "load or generate box scores");
        data.Subcommands.Add(Verb(DataLoadCommand.Declare(), Sync(DataLoadCommand.Run), context));
        data.Subcommands.Add(Verb(DataSynthCommand.Declare(defaults), Sync(DataSynthCommand.Run), context));
        var features = new Command("features", "the pre-game feature store");
        features.Subcommands.Add(Verb(FeaturesBuildCommand.Declare(), FeaturesBuildCommand.RunAsync, context));
        var model = new Command("model", "the trained models");
        model.Subcommands.Add(Verb(ModelTrainCommand.Declare(), ModelTrainCommand.RunAsync, context));

        root.Subcommands.Add(data);
        root.Subcommands.Add(features);
        root.Subcommands.Add(model);
        root.Subcommands.Add(Verb(ReplayCommand.Declare(defaults), ReplayCommand.RunAsync, context));
        root.Subcommands.Add(Verb(EvaluateCommand.Declare(), EvaluateCommand.RunAsync, context));
        root.Subcommands.Add(Verb(RunCommand.Declare(defaults), RunCommand.RunAsync, context));
        return root;
    }

    /// <summary>Every runnable verb of <paramref name="root"/> with its words, e.g. ("data load", its command).</summary>
    public static IEnumerable<(string Words, Command Command)> Verbs(Command root, string prefix = "")
    {
        foreach (var command in root.Subcommands)
        {
            var words = prefix.Length == 0 ? command.Name : $"{prefix} {command.Name}";
            if (command.Action is not null) yield return (words, command);
            foreach (var nested in Verbs(command, words)) yield return nested;
        }
    }

    private static Command Verb(Command command, VerbAction run, Func<ParseResult, CommandContext> context)
    {
        command.SetAction((parsed, cancellationToken) => run(context(parsed), cancellationToken));
        return command;
    }

    private static VerbAction Sync(Func<CommandContext, int> run) => (context, _) => Task.FromResult(run(context));
}
