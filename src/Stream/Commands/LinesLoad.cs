using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Cli.Progress;
using StreamProcessor.Stream.Data;
using StreamProcessor.Systems.Domain;

using StreamProcessor.Stream.Warehouses;

namespace StreamProcessor.Stream.Commands;

/// <summary><c>stream data load --lines FILE.csv</c>: sportsbook lines, names through the player registry, all or nothing.</summary>
internal static class LinesLoad
{
    public static int Run(CommandContext context, string path)
    {
        if (!File.Exists(path)) throw new UsageException($"no such file: {path}");
        using var warehouse = context.OpenWarehouse();
        var players = new PlayerRegistryTable(warehouse, context.Options.Players.AliasesFile).Load();
        if (players.Count == 0) throw new InvalidOperationException("the player registry is empty: load box scores first (`data load --box-scores FILE.csv`), lines name their players through it");

        (IReadOnlyList<Systems.Market.SportsbookLine> Rows, IReadOnlyList<BoxScoreCsvError> Errors, bool More) result;
        using (var progress = context.Progress($"data load: reading {Path.GetFileName(path)}", new FileInfo(path).Length, ProgressUnit.Bytes))
        using (var reader = new StreamReader(new ProgressStream(File.OpenRead(path), progress)))
            result = LinesCsvReader.Read(reader, Path.GetFileName(path), players);

        if (result.Errors.Count > 0)
        {
            context.Error.WriteLine($"{path}: {result.Errors.Count}{(result.More ? "+" : "")} bad row(s); nothing was loaded:");
            foreach (var error in result.Errors) context.Error.WriteLine($"  {error}");
            context.Result(new
            {
                loaded = 0,
                errors = result.Errors.Select(e => new { line = e.LineNumber, column = e.Column, reason = e.Reason, value = e.Value }),
                more_errors = result.More,
            });
            return CliApp.Failed;
        }

        var loaded = new PropLinesTable(warehouse).Upsert(result.Rows, Path.GetFileName(path));
        var adapters = WarehouseAdapters.Open(context, warehouse);
        try
        {
            if (adapters is not EmbeddedWarehouseAdapters)
            {
                adapters.LinesLoadedAsync(result.Rows, Path.GetFileName(path), CancellationToken.None).GetAwaiter().GetResult();
                context.Note($"lines written to {adapters.Location}, which the later verbs read (and to {warehouse.Path}, where the lines were checked)");
            }
        }
        finally { adapters.DisposeAsync().AsTask().GetAwaiter().GetResult(); }
        var byProp = result.Rows.GroupBy(r => r.Prop).OrderBy(g => g.Key).ToDictionary(g => g.Key.Code(), g => g.Count());
        var first = result.Rows.Count > 0 ? result.Rows.Min(r => r.GameDate) : (DateOnly?)null;
        var last = result.Rows.Count > 0 ? result.Rows.Max(r => r.GameDate) : (DateOnly?)null;
        context.Say($"loaded {loaded:N0} sportsbook lines ({string.Join(", ", byProp.Select(p => $"{p.Value:N0} {p.Key}"))}; {first:yyyy-MM-dd} .. {last:yyyy-MM-dd}) into {warehouse.Path}");
        context.Result(new { loaded, by_prop = byProp, first_date = first, last_date = last, warehouse = warehouse.Path });
        return CliApp.Ok;
    }
}
