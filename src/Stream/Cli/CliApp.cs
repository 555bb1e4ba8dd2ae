using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Commands;
using StreamProcessor.Stream.Configuration;
using StreamProcessor.Stream.Pipeline;

namespace StreamProcessor.Stream.Cli;

/// <summary>The <c>stream</c> command line: parses, loads the configuration, runs a verb, and maps failures to exit codes.</summary>
public static class CliApp
{
    public const int Ok = 0, Failed = 1, Usage = 2;

    /// <summary>The help text, made from the same verb declarations that check a command line (<see cref="Verbs"/>).</summary>
    public static string Help => Verbs.Help();

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken stop = default, Terminals terminals = default)
    {
        Arguments arguments;
        try
        {
            arguments = Arguments.Parse(args);
        }
        catch (UsageException e)
        {
            error.WriteLine($"stream: {e.Message}");
            return Usage;
        }
        if (arguments.Has("help") || arguments.Verb.Count == 0)
        {
            output.WriteLine(Help);
            return arguments.Verb.Count == 0 && !arguments.Has("help") ? Usage : Ok;
        }

        try
        {
            var verb = Verbs.Find(arguments.Verb)
                       ?? throw new UsageException($"unknown verb \"{string.Join(' ', arguments.Verb)}\"; run `stream --help` for the list");
            verb.Check(arguments);
            var options = ConfigurationLoader.Load(arguments.Get("config"));
            var context = new CommandContext(arguments, options, arguments.Get("data-dir") ?? options.DataDir, output, error, terminals);
            return verb.Name switch
            {
                "data load" => DataLoadCommand.Run(context),
                "data synth" => DataSynthCommand.Run(context),
                "features build" => FeaturesBuildCommand.Run(context),
                "model train" => await ModelTrainCommand.RunAsync(context, stop),
                "replay" => await ReplayCommand.RunAsync(context, stop),
                "evaluate" => await EvaluateCommand.RunAsync(context, stop),
                "run" => await RunCommand.RunAsync(context, stop),
                var name => throw new InvalidOperationException($"the verb \"{name}\" is declared but has no command"),
            };
        }
        catch (UsageException e)
        {
            error.WriteLine($"stream: {e.Message}");
            return Usage;
        }
        catch (ConfigurationException e)
        {
            // One line per problem, each naming the file (or variable) and the key: a configuration is fixed like a command line.
            foreach (var line in e.Message.Split(Environment.NewLine)) error.WriteLine($"stream: {line}");
            return Usage;
        }
        catch (Exception e) when (e is WarehouseException or PipelineFaultedException or InvalidOperationException or IOException)
        {
            error.WriteLine($"stream: {e.Message}");
            if (arguments.Has("verbose")) error.WriteLine(e);
            return Failed;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            error.WriteLine("stream: stopped before it finished");
            return Failed;
        }
        catch (Exception e)
        {
            // Anything else is a bug or an environment we did not foresee: one clear line, the stack only on request.
            error.WriteLine($"stream: unexpected error: {OneLine(e.Message)}{(arguments.Has("verbose") ? "" : " (run again with --verbose for the details)")}");
            if (arguments.Has("verbose")) error.WriteLine(e);
            return Failed;
        }
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
