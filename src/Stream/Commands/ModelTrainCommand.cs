using System.CommandLine;
using StreamProcessor.Stream.Cli.CommandLine;
using StreamProcessor.Stream.Warehouses;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Models;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Commands;

/// <summary>
/// <c>stream model train [--until D]</c>: trains xgboost_v1 for every prop on the player-games before D (default: all
/// of them) and fits the ensemble weights and probability curves on the validation slice before D (<see cref="ModelTrainer"/>).
/// </summary>
internal static class ModelTrainCommand
{
    public static Command Declare()
    {
        var command = new Command("train", "train the models on the player-games before --until: xgboost_v1 per prop, the ensemble's weights and the probability curves");
        command.Options.Add(CliOptions.Date("--until", "train on games before this date [default: all of them]"));
        return command;
    }

    public static async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using var adapters = WarehouseAdapters.Open(context);
        var until = context.Arguments.GetDate("until") ?? DateOnly.MaxValue;
        await EmbeddedDefault.EnsureFeaturesAsync(context, adapters, DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        var store = new ModelStore(context.DataDir);
        ModelTraining training;
        using (context.Progress("model train"))
            training = await ModelTrainer.TrainAsync(adapters.TrainingData, until, context.Options, cancellationToken);
        store.Save(training.Models);
        // Auto-reset: a breaker that opened because a model was missing closes now that there is one.
        var reset = adapters.BreakerState.ResetDataStarved(DateTimeOffset.UtcNow).Select(k => k.ToString()).ToArray();
        var trained = training.Models;
        context.Say($"trained {trained.Version} and the {string.Join(", ", trained.Models.Where(m => m.Prop != PropType.Points).Select(m => m.Prop.Code()))} models " +
                    $"on {training.Examples:N0} player-games of {adapters.Location} in {training.Elapsed.TotalSeconds:F1} s; ensemble weights and probability curves " +
                    $"fitted on {trained.ValidationFrom:yyyy-MM-dd} .. {trained.ValidationTo:yyyy-MM-dd}; saved to {store.Directory}");
        foreach (var (prop, weights) in trained.EnsembleWeights)
            context.Say($"  {prop.Code(),-9} ensemble weights: {string.Join(", ", weights.Weights.Select(w => $"{w.Key} {w.Value:F3}"))}");
        if (reset.Length > 0)
            context.Say($"auto-reset: closed the breaker(s) of {string.Join(", ", reset)}, which had opened for missing data");
        if (trained.Calibrations.Stacks.Count > 0)
        {
            context.Say($"  market-aware stacks fitted on the real lines of {trained.MarketFrom:yyyy-MM-dd} .. {trained.MarketTo:yyyy-MM-dd} (P = logistic(a + b·logit(p_market) + c·z)):");
            foreach (var ((prop, system), stack) in trained.Calibrations.Stacks.OrderBy(s => s.Key.Prop).ThenBy(s => s.Key.SystemId))
                context.Say($"  {prop.Code(),-9} {system,-24} a {stack.Intercept,7:F3}  b {stack.MarketSlope,6:F3}  c {stack.MarginSlope,6:F3}  on {stack.Examples,5:N0} lines");
        }
        context.Result(new
        {
            model_version = trained.Version,
            market_stacks = trained.Calibrations.Stacks.GroupBy(c => c.Key.Prop).ToDictionary(g => g.Key.Code(),
                g => g.ToDictionary(c => c.Key.SystemId, c => new { intercept = Math.Round(c.Value.Intercept, 4), market_slope = Math.Round(c.Value.MarketSlope, 4),
                    margin_slope = Math.Round(c.Value.MarginSlope, 4), examples = c.Value.Examples })),
            examples = training.Examples,
            trained_through = trained.TrainedUntil,
            training_mae = Math.Round(trained.Points?.TrainingMae ?? double.NaN, 4),
            validation_from = trained.ValidationFrom,
            validation_to = trained.ValidationTo,
            ensemble_weights = trained.EnsembleWeights.ToDictionary(w => w.Key.Code(), w => w.Value.Weights),
            calibrations = trained.Calibrations.Fitted.GroupBy(c => c.Key.Prop).ToDictionary(g => g.Key.Code(),
                g => g.ToDictionary(c => c.Key.SystemId, c => new { slope = Math.Round(c.Value.Slope, 4), intercept = Math.Round(c.Value.Intercept, 4) })),
            elapsed_ms = (long)training.Elapsed.TotalMilliseconds,
            path = store.Path,
            breakers_reset = reset,
        });
        return 0;
    }
}
