using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Models;
using StreamProcessor.Systems.Prediction.Systems.Xgboost;

namespace StreamProcessor.Stream.Commands;

/// <summary>
/// What a command that predicts needs before it can start, made on the user's behalf and said out loud:
/// a season (generated when the warehouse holds no box scores at all), the features of the days asked
/// for, and a trained model.
/// </summary>
internal static class EmbeddedDefault
{
    public static void EnsureBoxScores(CommandContext context, Warehouse warehouse)
    {
        if (new BoxScoreTable(warehouse).Count() > 0) return;
        var seed = context.Options.Synth.Seed;
        context.Note($"the warehouse has no box scores: generating the embedded default season (seed {seed}); load real ones with `data load --box-scores FILE.csv`");
        var rows = DataSynthCommand.Generate(warehouse, seed);
        context.Note($"generated {rows.Count:N0} box scores ({rows.Min(r => r.GameDate):yyyy-MM-dd} .. {rows.Max(r => r.GameDate):yyyy-MM-dd})");
    }

    /// <summary>Builds features when the days' box scores have no (or fewer) feature rows; days without games need none.</summary>
    public static void EnsureFeatures(CommandContext context, Warehouse warehouse, DateOnly from, DateOnly to)
    {
        var games = new BoxScoreTable(warehouse).Count(from, to);
        var features = new FeatureTable(warehouse).Count(from, to);
        if (features >= games) return;
        var days = from == DateOnly.MinValue && to == DateOnly.MaxValue ? "the whole warehouse" : $"{from:yyyy-MM-dd} .. {to:yyyy-MM-dd}";
        context.Note(features == 0
            ? $"no features for {days}: building them first"
            : $"{games - features:N0} player-games of {days} have no features yet: rebuilding features first");
        FeatureBuildSummary built;
        using (var progress = context.Progress("features build"))
            built = FeaturesBuildCommand.Build(warehouse, null, null, progress);
        context.Note($"built {built.Rows:N0} feature rows in {built.Elapsed.TotalMilliseconds:N0} ms");
    }

    /// <summary>The saved model, or one trained now on the games before <paramref name="firstDay"/> (and saved).</summary>
    public static XgboostModel EnsureModel(CommandContext context, Warehouse warehouse, DateOnly firstDay)
    {
        var store = new ModelStore(context.DataDir);
        if (store.TryLoad() is { } model) return model;
        var games = firstDay == DateOnly.MaxValue ? "every game in the warehouse" : $"the games before {firstDay:yyyy-MM-dd}";
        context.Note($"no trained model at {store.Path}: training xgboost_v1 on {games} first");
        ModelTraining training;
        using (context.Progress("model train: training xgboost_v1"))
            training = ModelStore.Train(warehouse, firstDay, context.Options.Model);
        store.Save(training.Model);
        context.Note($"trained {training.Model.Version} on {training.Examples:N0} player-games in {training.Elapsed.TotalSeconds:F1} s");
        return training.Model;
    }
}
