using System.CommandLine;
using StreamProcessor.Stream.Cli.CommandLine;
using System.Diagnostics;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Systems.Features;
using StreamProcessor.Stream.Cli.Progress;

using StreamProcessor.Stream.Warehouses;

namespace StreamProcessor.Stream.Commands;

/// <summary>
/// <c>stream features build [--from D] [--to D]</c>: the precompute phase. Features of every player-game
/// in the range are computed from the games before it (the whole warehouse is read for that history).
/// </summary>
internal static class FeaturesBuildCommand
{
    public static Command Declare()
    {
        var command = new Command("build", "compute the pre-game features of every player-game from the games before it");
        command.Options.Add(CliOptions.Date("--from", "the first game date to build [default: the first in the warehouse]"));
        command.Options.Add(CliOptions.Date("--to", "the last game date to build [default: the last in the warehouse]"));
        return command;
    }

    public static async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var from = context.Arguments.GetDate("from");
        var to = context.Arguments.GetDate("to");
        if (from > to) throw new UsageException("--from is after --to");
        using var warehouse = context.OpenWarehouse();
        await using var adapters = WarehouseAdapters.Open(context, warehouse);
        FeatureBuildSummary built;
        using (var progress = context.Progress("features build"))
            built = Build(warehouse, from, to, progress);
        await PublishAsync(context, adapters, built, cancellationToken);
        if (built.Rows == 0)
        {
            context.Error.WriteLine($"no box scores {(from is null && to is null ? "in the warehouse" : "in that range")}: run `data load` or `data synth` first");
            context.Result(new { rows = 0 });
            return 1;
        }
        context.Say($"built {built.Rows:N0} feature rows ({FeatureCatalog.Count} features, version {FeatureCatalog.Version}) for {built.From:yyyy-MM-dd} .. {built.To:yyyy-MM-dd}; mean quality {built.MeanQuality:F1} in {built.Elapsed.TotalMilliseconds:N0} ms");
        if (built.BreakersReset.Count > 0)
            context.Say($"auto-reset: closed the breaker(s) of {string.Join(", ", built.BreakersReset)}, which had opened for missing data");
        context.Result(new
        {
            breakers_reset = built.BreakersReset,
            rows = built.Rows,
            from = built.From,
            to = built.To,
            features = FeatureCatalog.Count,
            feature_version = FeatureCatalog.Version,
            mean_quality = Math.Round(built.MeanQuality, 2),
            elapsed_ms = (long)built.Elapsed.TotalMilliseconds,
        });
        return 0;
    }

    public static FeatureBuildSummary Build(Warehouse warehouse, DateOnly? from, DateOnly? to, ProgressReporter? progress = null)
    {
        var clock = Stopwatch.StartNew();
        progress?.Phase("features build: reading box scores");
        var games = new BoxScoreTable(warehouse).ReadAll();
        progress?.Phase($"features build: computing features of {games.Count:N0} player-games");
        var rows = FeatureBuilder.Build(games)
            .Where(f => (from is null || f.GameDate >= from) && (to is null || f.GameDate <= to))
            .ToArray();
        if (rows.Length == 0) return new FeatureBuildSummary(0, from, to, 0, clock.Elapsed, []);
        progress?.Phase($"features build: writing {rows.Length:N0} rows");
        new FeatureTable(warehouse).Upsert(rows);
        // Auto-reset: breakers that opened because input data was missing close now that it is rebuilt,
        // instead of locking players out for the rest of their break (production's 954-player outage).
        var reset = new BreakerStateTable(warehouse).ResetDataStarved(DateTimeOffset.UtcNow).Select(k => k.ToString()).ToArray();
        return new FeatureBuildSummary(rows.Length, rows.Min(r => r.GameDate), rows.Max(r => r.GameDate),
            rows.Average(r => r.QualityScore), clock.Elapsed, reset) { Written = rows };
    }

    /// <summary>The built rows into the chosen warehouse (a no-op for the embedded one, which holds them), and its breakers reset.</summary>
    public static async Task PublishAsync(CommandContext context, IWarehouseAdapters adapters, FeatureBuildSummary built, CancellationToken cancellationToken)
    {
        if (adapters is EmbeddedWarehouseAdapters || built.Rows == 0) return;
        using (context.Progress($"features build: writing {built.Rows:N0} rows to {adapters.Location}"))
            await adapters.FeaturesBuiltAsync(built.Written, cancellationToken);
        var reset = adapters.BreakerState.ResetDataStarved(DateTimeOffset.UtcNow);
        if (reset.Count > 0) context.Note($"auto-reset in {adapters.Location}: closed {string.Join(", ", reset)}, which had opened for missing data");
    }
}

internal sealed record FeatureBuildSummary(int Rows, DateOnly? From, DateOnly? To, double MeanQuality, TimeSpan Elapsed, IReadOnlyList<string> BreakersReset)
{
    public IReadOnlyList<PlayerFeatures> Written { get; init; } = [];
}
