using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Models;
using StreamProcessor.Systems.Features;

using StreamProcessor.Stream.Warehouses;

namespace StreamProcessor.Stream.Commands;

/// <summary>
/// What a command that predicts needs before it can start, made on the user's behalf and said out loud:
/// a season (generated when the warehouse holds no box scores at all), the features of the days asked
/// for, and a trained model.
/// </summary>
internal static class EmbeddedDefault
{
    public static async Task EnsureBoxScoresAsync(CommandContext context, IWarehouseAdapters adapters, CancellationToken cancellationToken)
    {
        var coverage = await adapters.TrainingData.CoverageAsync(DateOnly.MinValue, DateOnly.MaxValue, FeatureCatalog.Version, cancellationToken);
        if (coverage.BoxScores > 0) return;
        var seed = context.Options.Synth.Seed;
        context.Note($"the warehouse has no box scores: generating the embedded default season (seed {seed}); load real ones with `data load --box-scores FILE.csv`");
        var rows = await adapters.GenerateDefaultSeasonAsync(seed, cancellationToken);
        context.Note($"generated {rows.Count:N0} box scores ({rows.Min(r => r.GameDate):yyyy-MM-dd} .. {rows.Max(r => r.GameDate):yyyy-MM-dd})");
    }

    /// <summary>
    /// Builds features when the days' box scores have no (or fewer) feature rows, or any row is of an older feature
    /// version; days without games need none. <c>DateOnly.MinValue .. MaxValue</c> checks the whole warehouse.
    /// </summary>
    public static async Task EnsureFeaturesAsync(CommandContext context, IWarehouseAdapters adapters, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var coverage = await adapters.TrainingData.CoverageAsync(from, to, FeatureCatalog.Version, cancellationToken);
        if (coverage.Complete) return;
        var days = from == DateOnly.MinValue && to == DateOnly.MaxValue ? "the whole warehouse" : $"{from:yyyy-MM-dd} .. {to:yyyy-MM-dd}";
        context.Note(coverage.OtherVersions > 0
            ? $"{coverage.OtherVersions:N0} feature rows are of an older feature version than {FeatureCatalog.Version}: rebuilding features first"
            : coverage.Features == 0
                ? $"no features for {days}: building them first"
                : $"{coverage.BoxScores - coverage.Features:N0} player-games of {days} have no features yet: rebuilding features first");
        FeatureBuildSummary built;
        using (var progress = context.Progress("features build"))
            built = await FeaturesBuildCommand.BuildAsync(adapters.TrainingData, adapters.BreakerState, null, null, progress, cancellationToken);
        context.Note($"built {built.Rows:N0} feature rows in {built.Elapsed.TotalMilliseconds:N0} ms");
        if (built.BreakersReset.Count > 0)
            context.Note($"auto-reset: closed the breaker(s) of {string.Join(", ", built.BreakersReset)}, which had opened for missing data");
    }

    /// <summary>
    /// The saved models, or ones trained now on the games before <paramref name="firstDay"/> (and saved) when there are
    /// none or they are of an older feature layout.
    /// </summary>
    public static async Task<TrainedModels> EnsureModelAsync(CommandContext context, IWarehouseAdapters adapters, DateOnly firstDay, CancellationToken cancellationToken)
    {
        var store = new ModelStore(context.DataDir);
        var (saved, unusable) = store.TryLoad();
        if (saved is not null) return saved;
        context.Note($"{unusable}: training the models on the games before {firstDay:yyyy-MM-dd} first");
        ModelTraining training;
        using (context.Progress("model train"))
            training = await ModelTrainer.TrainAsync(adapters.TrainingData, firstDay, context.Options, cancellationToken);
        store.Save(training.Models);
        context.Note($"trained {training.Models.Version} on {training.Examples:N0} player-games in {training.Elapsed.TotalSeconds:F1} s");
        return training.Models;
    }
}
