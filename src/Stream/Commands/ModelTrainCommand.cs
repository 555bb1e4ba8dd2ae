using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Models;

namespace StreamProcessor.Stream.Commands;

/// <summary><c>stream model train [--until D]</c>: trains xgboost_v1 on every player-game before D (default: all of them).</summary>
internal static class ModelTrainCommand
{
    public static int Run(CommandContext context)
    {
        context.Arguments.AllowOnly("model train", "until");
        using var warehouse = context.OpenWarehouse();
        var until = context.Arguments.GetDate("until") ?? DateOnly.MaxValue;
        var store = new ModelStore(context.DataDir);
        ModelTraining training;
        using (context.Progress("model train: training xgboost_v1"))
            training = ModelStore.Train(warehouse, until, context.Options.Model);
        store.Save(training.Model);
        context.Say($"trained {training.Model.Version} on {training.Examples:N0} player-games (training MAE {training.Model.TrainingMae:F3}) in {training.Elapsed.TotalSeconds:F1} s; saved to {store.Path}");
        context.Result(new
        {
            model_version = training.Model.Version,
            examples = training.Examples,
            trained_through = training.Model.TrainedUntil,
            training_mae = Math.Round(training.Model.TrainingMae, 4),
            elapsed_ms = (long)training.Elapsed.TotalMilliseconds,
            path = store.Path,
        });
        return 0;
    }
}
