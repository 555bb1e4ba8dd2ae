using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli.CommandLine;
using StreamProcessor.Stream.Configuration;
using StreamProcessor.Stream.Pipeline;

namespace StreamProcessor.Stream.Cli;

/// <summary>The <c>stream</c> command line: parses, loads the configuration, runs a verb, and maps failures to exit codes.</summary>
public static class CliApp
{
    public const int Ok = 0, Failed = 1, Usage = 2;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken stop = default, Terminals terminals = default)
    {
        // The configuration is read before parsing so that help shows its values as the defaults; a broken file
        // is reported only when a verb would use it, so that --help and --version still answer.
        StreamOptions? options = null;
        ConfigurationException? configurationError = null;
        try
        {
            options = ConfigurationLoader.Load(ConfigPath(args));
        }
        catch (ConfigurationException e)
        {
            configurationError = e;
        }

        var root = StreamCommandLine.Build(options ?? new StreamOptions(), parsed =>
            new CommandContext(new Arguments(parsed), options!, parsed.GetValue<string>("--data-dir") ?? options!.DataDir, output, error, terminals));
        var parsed = root.Parse(args.ToArray());
        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null, // ShutdownSignals owns SIGTERM/SIGINT: a drain, not an abort
        };

        if (parsed.Errors.Count > 0)
        {
            if (parsed.Action is ParseErrorAction parseError) parseError.ShowHelp = false;
            invocation.Output = error;
            await parsed.InvokeAsync(invocation, CancellationToken.None);
            error.WriteLine($"stream: run `{string.Join(' ', ["stream", .. VerbWords(parsed), "--help"])}` for what it takes");
            return Usage;
        }
        if (parsed.Action is HelpAction or VersionAction || parsed.Action is not null && parsed.Action.GetType().Name.Contains("Directive", StringComparison.Ordinal))
            return await parsed.InvokeAsync(invocation, CancellationToken.None);
        if (parsed.Action is null)
        {
            // A verb group (`stream`, `stream data`) given alone: show what it holds.
            await root.Parse([.. VerbWords(parsed), "--help"]).InvokeAsync(invocation, CancellationToken.None);
            return Usage;
        }

        var verbose = parsed.GetValue<bool>("--verbose");
        try
        {
            if (configurationError is not null) throw configurationError;
            return await parsed.InvokeAsync(invocation, stop);
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
            if (verbose) error.WriteLine(e);
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
            error.WriteLine($"stream: unexpected error: {OneLine(e.Message)}{(verbose ? "" : " (run again with --verbose for the details)")}");
            if (verbose) error.WriteLine(e);
            return Failed;
        }
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string[] VerbWords(ParseResult parsed)
    {
        var words = new List<string>();
        for (var at = parsed.CommandResult; at is not null && at.Command is not RootCommand; at = at.Parent as System.CommandLine.Parsing.CommandResult)
            words.Insert(0, at.Command.Name);
        return words.ToArray();
    }

    /// <summary>The value of --config wherever it stands, read ahead of parsing (the parser needs the configuration's defaults).</summary>
    private static string? ConfigPath(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--config" && i + 1 < args.Count) return args[i + 1];
            if (args[i].StartsWith("--config=", StringComparison.Ordinal)) return args[i]["--config=".Length..];
        }
        return null;
    }
}
