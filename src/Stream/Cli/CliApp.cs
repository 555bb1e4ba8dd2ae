using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Commands;
using StreamProcessor.Stream.Configuration;
using StreamProcessor.Stream.Pipeline;

namespace StreamProcessor.Stream.Cli;

/// <summary>The <c>stream</c> command line: parses, loads the configuration, runs a verb, and maps failures to exit codes.</summary>
public static class CliApp
{
    public const int Ok = 0, Failed = 1, Usage = 2;

    public const string Help = """
        stream: NBA player-prop predictions from five systems, on TPL Dataflow.

        usage: stream <verb> [options] [--data-dir DIR] [--config FILE] [--json]

          data load --box-scores FILE.csv   load box scores (a file with any bad row loads nothing)
          data load --lines FILE.csv        load sportsbook lines and prices (names through the player registry)
          data synth [--seed N] [--out F]   generate a season of box scores (the embedded default)
          features build [--from D] [--to D]  compute pre-game features for every player-game
          model train [--until D]           train the models on player-games before D: xgboost_v1 per prop,
                                    the ensemble's weights and the probability curves
          replay --date D                   predict every player with features on D (main job); with lines loaded,
                                            one request per real line at the books' consensus line and prices
                 [--synthetic-lines]        ... and players without a real line at a synthetic one
          replay --from D --to D            ... a range of days
          replay --requests FILE.jsonl      ... requests in the production message format
                 [--events warehouse|jsonl] where completion events go
                 [--force]                  predict again what was already predicted (same lines, features)
                 [--inject FAULTS]          fault injection, e.g. xgboost_v1.throw=1,sink.transient=2
          evaluate --from D --to D          walk-forward backtest of the systems against naive baselines
                 [--prop P,..|all]          points (default), rebounds, assists, threes
                 [--report DIR]             an HTML page with PNG plots
          run [--port N] [--spool DIR]      the long-running service: reads the spool until SIGTERM/SIGINT,
                                            serves /metrics, /healthz and /readyz

          --data-dir DIR   everything embedded mode writes (default ./data)
          --config FILE    configuration (default ./config.yaml when present)
          --json           end the output with one JSON object on its own line
        """;

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
            var options = ConfigurationLoader.Load(arguments.Get("config"));
            var context = new CommandContext(arguments, options, arguments.Get("data-dir") ?? options.DataDir, output, error, terminals);
            return string.Join(' ', arguments.Verb) switch
            {
                "data load" => DataLoadCommand.Run(context),
                "data synth" => DataSynthCommand.Run(context),
                "features build" => FeaturesBuildCommand.Run(context),
                "model train" => await ModelTrainCommand.RunAsync(context, stop),
                "replay" => await ReplayCommand.RunAsync(context, stop),
                "evaluate" => await EvaluateCommand.RunAsync(context, stop),
                "run" => await RunCommand.RunAsync(context, stop),
                var verb => throw new UsageException($"unknown verb \"{verb}\"; run `stream --help` for the list"),
            };
        }
        catch (UsageException e)
        {
            error.WriteLine($"stream: {e.Message}");
            return Usage;
        }
        catch (Exception e) when (e is ConfigurationException or WarehouseException or PipelineFaultedException or InvalidOperationException or IOException)
        {
            error.WriteLine($"stream: {e.Message}");
            return Failed;
        }
    }
}
