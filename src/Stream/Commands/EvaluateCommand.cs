using System.CommandLine;
using StreamProcessor.Stream.Cli.CommandLine;
using StreamProcessor.Stream.Warehouses;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Evaluation;
using StreamProcessor.Stream.Evaluation.Report;
using StreamProcessor.Stream.Models;
using StreamProcessor.Stream.Pipeline;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Commands;

/// <summary>
/// <c>stream evaluate --from D --to D [--prop P|all] [--report DIR]</c>: a walk-forward backtest. Every player-game in
/// the window with enough earlier games is predicted by each system from its pre-game features, with models, ensemble
/// weights and probability curves that have seen nothing from the window (the saved ones if they were trained before
/// the window, else ones trained now on the games before it).
/// </summary>
internal static class EvaluateCommand
{
    public static Command Declare()
    {
        var command = new Command("evaluate", "walk-forward backtest of the systems against naive baselines");
        command.Options.Add(CliOptions.Date("--from", "the first day of the backtest window (required)"));
        command.Options.Add(CliOptions.Date("--to", "the last day of the window [default: --from]"));
        command.Options.Add(CliOptions.ChoiceList("--prop", "the props to score [default: points]", "all", [.. PropTypes.All.Select(p => p.Code())]));
        command.Options.Add(CliOptions.Text("--report", "DIR", "also write an HTML page with PNG plots there"));
        return command;
    }

    public static async Task<int> RunAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var from = context.Arguments.GetDate("from") ?? throw new UsageException("--from is required: the first day of the backtest window");
        var to = context.Arguments.GetDate("to") ?? from;
        if (from > to) throw new UsageException("--from is after --to");
        var props = ParseProps(context.Arguments.Get("prop"));
        var reportDir = context.Arguments.Get("report");

        await using var adapters = WarehouseAdapters.Open(context);
        await EmbeddedDefault.EnsureFeaturesAsync(context, adapters, from, to, cancellationToken);
        var (models, unusable) = new ModelStore(context.DataDir).TryLoad();
        if (models is null || models.TrainedUntil >= from)
        {
            context.Note(models is null
                ? $"{unusable}: training models, ensemble weights and probability curves on the games before {from:yyyy-MM-dd} for this backtest"
                : $"the saved models ({models.Version}) have seen games in the window: training models, ensemble weights and probability curves " +
                  $"on the games before {from:yyyy-MM-dd} for this backtest (the saved ones are kept)");
            models = (await ModelTrainer.TrainAsync(adapters.TrainingData, from, context.Options, cancellationToken)).Models;
        }

        var systems = SystemCatalog.Create(context.Options.Systems, models);
        var reports = new Dictionary<PropType, BacktestReport>();
        var marketReports = new Dictionary<PropType, (IReadOnlyDictionary<string, MarketScore> Scores, int Requests)>();
        var consensus = await adapters.TrainingData.ConsensusAsync(from, to, cancellationToken);
        using var progress = context.Progress("evaluate", props.Count, "props");
        var games = await BacktestCases.LoadAsync(adapters.TrainingData, context.Options.History, from, to, context.Options.Evaluate.MinEarlierGames, cancellationToken);
        foreach (var prop in props)
        {
            progress.Advance(1);
            reports[prop] = Backtest.Run(games.For(prop), systems, context.Options.Recommendation);
            var priced = games.ForMarket(prop, consensus);
            if (priced.Count > 0) marketReports[prop] = (MarketBacktest.Run(priced, systems, context.Options.Recommendation.MinEv), priced.Count);
        }
        progress.Dispose();
        foreach (var (prop, report) in reports)
        {
            EvaluationPrinter.Print(context, report, prop, from, to, models.Version);
            if (marketReports.TryGetValue(prop, out var market)) MarketPrinter.Print(context, market.Scores, prop, market.Requests);
        }

        string? reportPath = null;
        if (reportDir is not null)
        {
            reportPath = HtmlReport.Write(Path.GetFullPath(reportDir), reports, from, to, models, marketReports.ToDictionary(m => m.Key, m => m.Value.Scores));
            context.Say($"report: {reportPath}");
        }

        var json = reports.ToDictionary(r => r.Key.Code(), r =>
        {
            var o = EvaluationJson.Of(r.Value, from, to, models, r.Key);
            o["real_lines"] = marketReports.TryGetValue(r.Key, out var m) ? MarketPrinter.Json(m.Scores, m.Requests, context.Options.Recommendation.MinEv) : null;
            return o;
        });
        context.Result(props.Count == 1
            ? EvaluationJson.WithReport(json[props[0].Code()], reportPath)
            : new Dictionary<string, object?> { ["from"] = from, ["to"] = to, ["model_version"] = models.Version, ["props"] = json, ["report"] = reportPath });
        return 0;
    }

    private static IReadOnlyList<PropType> ParseProps(string? value)
    {
        if (value is null) return [PropType.Points];
        if (value == "all") return PropTypes.All;
        var props = new List<PropType>();
        foreach (var code in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!PropTypes.TryParse(code, out var prop))
                throw new UsageException($"--prop must be one or more of {string.Join(", ", PropTypes.All.Select(p => p.Code()))} (comma-separated) or all, got \"{code}\"");
            props.Add(prop);
        }
        return props.Distinct().ToArray();
    }
}
