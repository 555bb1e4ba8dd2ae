using System.CommandLine;
using StreamProcessor.Stream.Cli.CommandLine;
using System.Diagnostics;
using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Sinks.Training;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Systems.Features;
using StreamProcessor.Stream.Cli.Progress;

using StreamProcessor.Stream.Warehouses;

namespace StreamProcessor.Stream.Commands;

/// <summary>
/// <c>stream features build [--from D] [--to D]</c>: the precompute phase. Features of every player-game
/// in the range are computed from the games before it (the whole warehouse is read for that history), in the chosen
/// warehouse: on BigQuery the box scores come through the Read API and the rows go back by CDC upsert.
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
        await using var adapters = WarehouseAdapters.Open(context);
        FeatureBuildSummary built;
        using (var progress = context.Progress("features build"))
            built = await BuildAsync(adapters.TrainingData, adapters.BreakerState, from, to, progress, cancellationToken);
        if (built.Rows == 0)
        {
            context.Error.WriteLine($"no box scores {(from is null && to is null ? "in the warehouse" : "in that range")} ({adapters.Location}): run `data load` or `data synth` first");
            context.Result(new { rows = 0 });
            return 1;
        }
        context.Say($"built {built.Rows:N0} feature rows ({FeatureCatalog.Count} features, version {FeatureCatalog.Version}) for {built.From:yyyy-MM-dd} .. {built.To:yyyy-MM-dd} into {adapters.Location}; mean quality {built.MeanQuality:F1} in {built.Elapsed.TotalMilliseconds:N0} ms");
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

    /// <summary>On the embedded file (the perf harness's shortcut).</summary>
    public static FeatureBuildSummary Build(Warehouse warehouse, DateOnly? from, DateOnly? to, ProgressReporter? progress = null) =>
        BuildAsync(new WarehouseTrainingData(warehouse), new BreakerStateTable(warehouse), from, to, progress, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Reads every box score of the warehouse (the history), computes the features of [from, to] and upserts them there.</summary>
    public static async Task<FeatureBuildSummary> BuildAsync(ITrainingData data, IBreakerStateStore breakers, DateOnly? from, DateOnly? to,
        ProgressReporter? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        progress?.Phase("features build: reading box scores");
        var games = await data.BoxScoresAsync(cancellationToken);
        progress?.Phase($"features build: computing features of {games.Count:N0} player-games");
        var rows = FeatureBuilder.Build(games)
            .Where(f => (from is null || f.GameDate >= from) && (to is null || f.GameDate <= to))
            .ToArray();
        if (rows.Length == 0) return new FeatureBuildSummary(0, from, to, 0, clock.Elapsed, []);
        progress?.Phase($"features build: writing {rows.Length:N0} rows");
        await data.WriteFeaturesAsync(rows, cancellationToken);
        // Auto-reset: breakers that opened because input data was missing close now that it is rebuilt,
        // instead of locking players out for the rest of their break (production's 954-player outage).
        var reset = breakers.ResetDataStarved(DateTimeOffset.UtcNow).Select(k => k.ToString()).ToArray();
        return new FeatureBuildSummary(rows.Length, rows.Min(r => r.GameDate), rows.Max(r => r.GameDate),
            rows.Average(r => r.QualityScore), clock.Elapsed, reset);
    }
}

internal sealed record FeatureBuildSummary(int Rows, DateOnly? From, DateOnly? To, double MeanQuality, TimeSpan Elapsed, IReadOnlyList<string> BreakersReset);
