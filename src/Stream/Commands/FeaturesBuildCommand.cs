using System.Diagnostics;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Systems.Features;
using StreamProcessor.Stream.Cli.Progress;

namespace StreamProcessor.Stream.Commands;

/// <summary>
/// <c>stream features build [--from D] [--to D]</c>: the precompute phase. Features of every player-game
/// in the range are computed from the games before it (the whole warehouse is read for that history).
/// </summary>
internal static class FeaturesBuildCommand
{
    public static int Run(CommandContext context)
    {
        var from = context.Arguments.GetDate("from");
        var to = context.Arguments.GetDate("to");
        if (from > to) throw new UsageException("--from is after --to");
        using var warehouse = context.OpenWarehouse();
        FeatureBuildSummary built;
        using (var progress = context.Progress("features build"))
            built = Build(warehouse, from, to, progress);
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
            rows.Average(r => r.QualityScore), clock.Elapsed, reset);
    }
}

internal sealed record FeatureBuildSummary(int Rows, DateOnly? From, DateOnly? To, double MeanQuality, TimeSpan Elapsed, IReadOnlyList<string> BreakersReset);
