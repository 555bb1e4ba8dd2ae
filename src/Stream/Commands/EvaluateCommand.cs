using StreamProcessor.Systems.Domain;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Evaluation;
using StreamProcessor.Stream.Models;
using StreamProcessor.Stream.Pipeline;
using StreamProcessor.Stream.Replay;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Commands;

/// <summary>
/// <c>stream evaluate --from D --to D</c>: a walk-forward backtest. Every player-game in the window with
/// enough earlier games is predicted by each system from its pre-game features, with a model that has
/// seen nothing from the window (the saved one if it was trained before the window, else one trained now).
/// </summary>
internal static class EvaluateCommand
{
    private const int LoadBatchSize = 1000;

    public static async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        context.Arguments.AllowOnly("evaluate", "from", "to");
        var from = context.Arguments.GetDate("from") ?? throw new UsageException("--from is required: the first day of the backtest window");
        var to = context.Arguments.GetDate("to") ?? from;
        if (from > to) throw new UsageException("--from is after --to");

        using var warehouse = context.OpenWarehouse();
        EmbeddedDefault.EnsureFeatures(context, warehouse, from, to);
        var model = new ModelStore(context.DataDir).TryLoad();
        if (model is null || model.TrainedUntil >= from)
        {
            context.Note(model is null
                ? $"no saved model: training one on the games before {from:yyyy-MM-dd} for this backtest"
                : $"the saved model ({model.Version}) has seen games in the window: training one on the games before {from:yyyy-MM-dd} for this backtest (the saved model is kept)");
            model = ModelStore.Train(warehouse, from, context.Options.Model).Model;
        }

        var table = new FeatureTable(warehouse, context.Options.History);
        var rows = table.ReadWithOutcomes(from, to, context.Options.Evaluate.MinEarlierGames);
        var cases = new List<BacktestCase>(rows.Count);
        using var progress = context.Progress("evaluate", rows.Count, "player-games");
        foreach (var chunk in rows.Chunk(LoadBatchSize))
        {
            progress.Advance(chunk.Length);
            var records = await table.LoadAsync(chunk.Select(r => r.Features.Key).ToArray(), cancellationToken);
            foreach (var row in chunk)
            {
                if (SyntheticLine.For(row.Features) is not { } line) continue;
                var request = new PredictionRequest
                {
                    RequestId = $"evaluate:{row.Features.Key}",
                    PlayerLookup = row.Features.PlayerLookup,
                    GameDate = row.Features.GameDate,
                    GameId = row.Features.GameId,
                    LineValues = [line],
                };
                cases.Add(new BacktestCase(new PredictionInput
                {
                    Request = request,
                    Features = row.Features,
                    History = records[row.Features.Key].History,
                }, line, row.Points));
            }
        }

        var report = Backtest.Run(cases, SystemCatalog.Create(context.Options.Systems, model), context.Options.Recommendation);
        progress.Dispose();
        Print(context, report, from, to, model.Version);
        context.Result(new
        {
            n = report.Cases,
            from,
            to,
            model_version = model.Version,
            systems = report.Systems.ToDictionary(s => s.Key, s => new
            {
                n = s.Value.Stats.N,
                mae = R(s.Value.Stats.Mae),
                rmse = R(s.Value.Stats.Rmse),
                bias = R(s.Value.Stats.Bias),
                hit_rate = R(s.Value.Stats.HitRate),
                picks = s.Value.Stats.Picks,
                baselines_same_rows = s.Value.BaselinesOnSameRows.ToDictionary(b => b.Key, b => new { mae = R(b.Value.Mae) }),
                failures = report.Failures[s.Key],
            }),
            baselines = report.Baselines.ToDictionary(b => b.Key, b => new
            {
                n = b.Value.N,
                mae = R(b.Value.Mae),
                rmse = R(b.Value.Rmse),
                bias = R(b.Value.Bias),
                hit_rate = R(b.Value.HitRate),
                picks = b.Value.Picks,
            }),
        });
        return 0;
    }

    // NaN (no picks, no rows) is written as null: JSON has no NaN, and a string "NaN" would break readers.
    private static double? R(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);

    private static void Print(CommandContext context, BacktestReport report, DateOnly from, DateOnly to, string modelVersion)
    {
        context.Say($"walk-forward backtest {from:yyyy-MM-dd} .. {to:yyyy-MM-dd}: {report.Cases:N0} player-games with ≥ {context.Options.Evaluate.MinEarlierGames} earlier games; model {modelVersion}");
        context.Say($"{"",-24} {"n",6} {"MAE",7} {"RMSE",7} {"bias",7} {"hit",6} {"picks",6}   MAE of ewma on same rows");
        foreach (var (id, score) in report.Systems)
        {
            var s = score.Stats;
            context.Say($"{id,-24} {s.N,6} {s.Mae,7:F3} {s.Rmse,7:F3} {s.Bias,7:F3} {(double.IsNaN(s.HitRate) ? "-" : s.HitRate.ToString("P1")),6} {s.Picks,6}   {score.BaselinesOnSameRows["ewma"].Mae:F3}");
        }
        foreach (var (name, s) in report.Baselines)
            context.Say($"{"baseline " + name,-24} {s.N,6} {s.Mae,7:F3} {s.Rmse,7:F3} {s.Bias,7:F3} {(double.IsNaN(s.HitRate) ? "-" : s.HitRate.ToString("P1")),6} {s.Picks,6}");
        context.Say("hit = share of OVER/UNDER picks that were right against the synthetic line (pre-game EWMA rounded to x.5)");
    }
}
