using System.CommandLine;
using StreamProcessor.Stream.Cli.CommandLine;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Data;
using StreamProcessor.Stream.Cli.Progress;

using StreamProcessor.Stream.Warehouses;

namespace StreamProcessor.Stream.Commands;

/// <summary><c>stream data load --box-scores FILE.csv</c>: a whole file of box scores into the warehouse, or nothing (<c>--lines</c>: see <see cref="LinesLoad"/>).</summary>
internal static class DataLoadCommand
{
    public static Command Declare()
    {
        var command = new Command("load", "load box scores or sportsbook lines into the warehouse; a file with any bad row loads nothing and lists each bad row");
        command.Options.Add(CliOptions.Text("--box-scores", "FILE.csv", "box scores with the shared file's header (any season, any size)"));
        command.Options.Add(CliOptions.Text("--lines", "FILE.csv", "sportsbook lines and prices (American odds), names resolved through the player registry; load box scores first"));
        return command;
    }

    public static int Run(CommandContext context)
    {
        if (context.Arguments.Get("lines") is { } lines)
        {
            if (context.Arguments.Get("box-scores") is not null) throw new UsageException("load --box-scores and --lines one at a time (box scores first)");
            return LinesLoad.Run(context, lines);
        }
        var path = context.Arguments.Require("box-scores", "the CSV file of box scores (or --lines FILE.csv of sportsbook lines) to load");
        if (!File.Exists(path)) throw new UsageException($"no such file: {path}");

        BoxScoreCsvResult result;
        using (var progress = context.Progress($"data load: reading {Path.GetFileName(path)}", new FileInfo(path).Length, ProgressUnit.Bytes))
        using (var reader = new StreamReader(new ProgressStream(File.OpenRead(path), progress)))
            result = BoxScoreCsvReader.Read(reader, Path.GetFileName(path));

        if (!result.IsClean)
        {
            context.Error.WriteLine($"{path}: {result.Errors.Count}{(result.StoppedAtErrorLimit ? "+" : "")} bad row(s); nothing was loaded:");
            foreach (var error in result.Errors) context.Error.WriteLine($"  {error}");
            context.Result(new
            {
                loaded = 0,
                errors = result.Errors.Select(e => new { line = e.LineNumber, column = e.Column, reason = e.Reason, value = e.Value }),
                more_errors = result.StoppedAtErrorLimit,
            });
            return 1;
        }

        using var warehouse = context.OpenWarehouse();
        int loaded;
        using (context.Progress($"data load: writing {result.Rows.Count:N0} box scores"))
            loaded = new BoxScoreTable(warehouse).Upsert(result.Rows, Path.GetFileName(path));
        var adapters = WarehouseAdapters.Open(context, warehouse);
        try
        {
            if (adapters is not EmbeddedWarehouseAdapters)
            {
                using (context.Progress($"data load: writing {result.Rows.Count:N0} box scores to {adapters.Location}"))
                    adapters.BoxScoresLoadedAsync(result.Rows, Path.GetFileName(path), CancellationToken.None).GetAwaiter().GetResult();
                context.Note($"box scores written to {adapters.Location}, which the later verbs read (and to {warehouse.Path}, where later loads resolve lines' player names)");
            }
        }
        finally { adapters.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
        var players = result.Rows.Select(r => r.PlayerLookup).Distinct().Count();
        var first = result.Rows.Count > 0 ? result.Rows.Min(r => r.GameDate) : (DateOnly?)null;
        var last = result.Rows.Count > 0 ? result.Rows.Max(r => r.GameDate) : (DateOnly?)null;
        context.Say($"loaded {loaded:N0} box scores of {players:N0} players ({first:yyyy-MM-dd} .. {last:yyyy-MM-dd}) into {warehouse.Path}");
        context.Result(new { loaded, players, first_date = first, last_date = last, warehouse = warehouse.Path });
        return 0;
    }
}
