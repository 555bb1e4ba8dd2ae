using System.CommandLine;
using StreamProcessor.Stream.Cli.CommandLine;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Market;
using System.Globalization;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Configuration;
using StreamProcessor.Stream.Models;
using StreamProcessor.Stream.Pipeline;
using StreamProcessor.Stream.Replay;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Systems;
using StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

using StreamProcessor.Stream.Warehouses;

namespace StreamProcessor.Stream.Commands;

/// <summary>
/// <c>stream replay --date D | --from D --to D | --requests FILE.jsonl</c>: the main job. Makes (or reads)
/// the day's requests and runs them through the pipeline into the warehouse.
/// </summary>
internal static class ReplayCommand
{
    public static Command Declare(StreamOptions defaults)
    {
        var command = new Command("replay", "predict every player with features on a day or range (the main job), or requests from a file");
        command.Options.Add(CliOptions.Date("--date", "the day to replay"));
        command.Options.Add(CliOptions.Date("--from", "the first day of a range"));
        command.Options.Add(CliOptions.Date("--to", "the last day of a range [default: --from]"));
        command.Options.Add(CliOptions.Text("--requests", "FILE.jsonl", "requests in the production message format, one JSON object a line"));
        command.Options.Add(CliOptions.Choice("--events", $"where completion events go [default: {defaults.Events.Sink}, events.sink in the configuration]", "warehouse", "jsonl"));
        command.Options.Add(CliOptions.Flag("--synthetic-lines", "with --date/--from: also predict players without a real line, at a synthetic one (their EWMA rounded to x.5)"));
        command.Options.Add(CliOptions.Flag("--force", "predict again what was already predicted (same prop, lines, features)"));
        command.Options.Add(CliOptions.Text("--inject", "FAULTS", "fault injection, e.g. xgboost_v1.throw=1,sink.transient=2"));
        return command;
    }

    public static async Task<int> RunAsync(CommandContext context, CancellationToken stop)
    {
        var requestsFile = context.Arguments.Get("requests");
        var date = context.Arguments.GetDate("date");
        var from = context.Arguments.GetDate("from") ?? date;
        var to = context.Arguments.GetDate("to") ?? date ?? from;
        if (requestsFile is null && from is null)
            throw new UsageException("replay needs --date D, --from D [--to D], or --requests FILE.jsonl");
        if (requestsFile is not null && from is not null)
            throw new UsageException("give either dates or --requests, not both");
        if (date is not null && context.Arguments.Get("from") is not null)
            throw new UsageException("give either --date or --from/--to, not both");
        if (from > to) throw new UsageException("--from is after --to");

        await using var adapters = WarehouseAdapters.Open(context);
        IRequestSource source;
        IReadOnlyList<string> skippedNoLine = [];
        ReplayRequests.Built? built = null;
        TrainedModels model;
        if (requestsFile is not null)
        {
            if (!File.Exists(requestsFile)) throw new UsageException($"no such file: {requestsFile}");
            source = new JsonlFileRequestSource(requestsFile);
            model = await EmbeddedDefault.EnsureModelAsync(context, adapters, DateOnly.MaxValue, stop);
        }
        else
        {
            await EmbeddedDefault.EnsureBoxScoresAsync(context, adapters, stop);
            await EmbeddedDefault.EnsureFeaturesAsync(context, adapters, from!.Value, to!.Value, stop);
            model = await EmbeddedDefault.EnsureModelAsync(context, adapters, from.Value, stop);
            var days = await adapters.TrainingData.FeaturesAsync(from.Value, to.Value, context.Options.Replay.MinGamesPlayed, stop);
            // Real lines when any are loaded; synthetic ones for the players without, only when asked.
            var anyLines = await adapters.TrainingData.AnyLinesAsync(stop);
            built = ReplayRequests.For(days, anyLines ? await adapters.TrainingData.ConsensusAsync(from.Value, to.Value, stop) : new Dictionary<(PlayerDate, PropType), MarketLine>(),
                synthetic: !anyLines || context.Arguments.Has("synthetic-lines"));
            skippedNoLine = built.SkippedNoLine;
            var messages = built.Messages;
            source = new InMemoryRequestSource(messages);
            if (anyLines)
                context.Note($"{built.RealLines:N0} requests at the books' consensus line and prices, {built.SyntheticLines:N0} at a synthetic line" +
                             (built.NoRealLine > 0 ? $"; {built.NoRealLine:N0} players without a real line got no request (--synthetic-lines predicts them against a synthetic one)" : ""));
            if (messages.Count == 0)
                context.Note(days.Count == 0
                    ? $"no games on {Span(from.Value, to.Value)} in the warehouse: nothing to replay"
                    : $"no real lines on {Span(from.Value, to.Value)}: nothing to replay (--synthetic-lines predicts every player against a synthetic line)");
        }

        if (source is InMemoryRequestSource { Count: 0 })
        {
            context.Result(new { requests = 0, predictions_written = 0, dead_lettered = 0, skip_reason = built is { NoRealLine: > 0 } ? "no_lines" : "no_games",
                no_real_line = built?.NoRealLine ?? 0, elapsed_ms = 0, requests_per_second = 0 });
            return 0;
        }

        // Acknowledgements go to a durable log, so a rerun after a crash delivers only what was never acknowledged.
        using var ackLog = AckLog.Open(Path.Combine(context.DataDir, "acks", AckLogName(from, to, requestsFile)));
        var resumable = new ResumableRequestSource(source, ackLog);
        using var progress = context.Progress("replay", (source as InMemoryRequestSource)?.Count, "requests");
        var pipeline = new PredictionPipeline(EmbeddedPipeline.Dependencies(context, adapters, model, progress.PipelineObserver), context.Options.Pipeline);
        var result = await pipeline.RunAsync(resumable, stop);
        progress.Dispose();
        if (resumable.AlreadyAcknowledged > 0)
            context.Note($"resumed: {resumable.AlreadyAcknowledged:N0} requests were acknowledged by an earlier, interrupted run of this replay");
        var finished = result.Unacknowledged == 0 && !stop.IsCancellationRequested;
        if (finished)
        {
            ackLog.Delete(); // done: the next replay of these days starts afresh (smart skip still applies)
        }

        context.Say($"replayed {result.Requests:N0} requests{(from is null ? $" from {requestsFile}" : $" for {Span(from.Value, to!.Value)}")}: " +
                    $"{result.PredictionsWritten:N0} predictions written, {result.DeadLettered:N0} dead-lettered, " +
                    $"in {result.Elapsed.TotalMilliseconds:N0} ms ({result.RequestsPerSecond:N0} requests/s)");
        foreach (var id in SystemIds.All)
        {
            var ok = result.SystemSuccesses.GetValueOrDefault(id);
            var failed = result.SystemFailures.GetValueOrDefault(id);
            var skippedByBreaker = result.SystemSkips.GetValueOrDefault(id);
            context.Say($"  {id,-24} {ok,6:N0} predicted {failed,6:N0} failed{(skippedByBreaker > 0 ? $" {skippedByBreaker,6:N0} skipped (breaker open)" : "")}");
        }
        foreach (var (reason, count) in result.DeadLettersByReason) context.Say($"  dead letters: {count:N0} {reason}");
        foreach (var (reason, count) in result.SkippedByReason)
            context.Say($"  skipped: {count:N0} {reason}{(reason == "already_processed" ? " (same prop, lines, feature and model version already predicted; --force re-predicts)" : "")}");
        if (result.Unacknowledged > 0)
            context.Error.WriteLine($"stream: {result.Unacknowledged:N0} requests could not be written and were NOT acknowledged ({result.LastError}); rerun the same command to write them");
        if (skippedNoLine.Count > 0) context.Say($"  {skippedNoLine.Count} players had no earlier game to set a line from (first game of the season): no request made");
        if (from == to && from is { } day1) PrintDay(context, await adapters.PredictionsOfAsync(day1, stop));
        if (built is not null)
            context.Say($"  lines: {built.RealLines:N0} real (the books' consensus line and mean prices), {built.SyntheticLines:N0} synthetic (the player's pre-game points EWMA rounded to x.5)" +
                        (built.NoRealLine > 0 ? $", {built.NoRealLine:N0} players without a real line not requested (--synthetic-lines)" : ""));
        context.Say($"predictions are in {adapters.Location}, table nba_predictions.player_prop_predictions");

        context.Result(new
        {
            requests = result.Requests,
            requests_completed = result.RequestsCompleted,
            predictions_written = result.PredictionsWritten,
            dead_lettered = result.DeadLettered,
            acknowledged = result.Acknowledged,
            unacknowledged = result.Unacknowledged,
            retries = result.Retries,
            skipped = result.Skipped,
            skipped_by_reason = result.SkippedByReason,
            resumed_already_acknowledged = resumable.AlreadyAcknowledged,
            last_error = result.LastError,
            skipped_no_line = skippedNoLine.Count,
            real_lines = built?.RealLines ?? 0,
            synthetic_lines = built?.SyntheticLines ?? 0,
            no_real_line = built?.NoRealLine ?? 0,
            dead_letters_by_reason = result.DeadLettersByReason,
            system_successes = result.SystemSuccesses,
            system_failures = result.SystemFailures,
            system_skips = result.SystemSkips,
            model_version = model.Version,
            elapsed_ms = (long)result.Elapsed.TotalMilliseconds,
            requests_per_second = Math.Round(result.RequestsPerSecond, 1),
        });
        return result.Unacknowledged > 0 ? CliApp.Failed : CliApp.Ok;
    }

    private static string AckLogName(DateOnly? from, DateOnly? to, string? requestsFile) => requestsFile is null
        ? $"replay-{from:yyyyMMdd}-{to:yyyyMMdd}.acks"
        : $"requests-{Path.GetFileNameWithoutExtension(requestsFile)}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(requestsFile))))[..12]}.acks";

    private static string Span(DateOnly from, DateOnly to) => from == to ? $"{from:yyyy-MM-dd}" : $"{from:yyyy-MM-dd} .. {to:yyyy-MM-dd}";

    /// <summary>A readable table of the day: the players with the largest ensemble edge first.</summary>
    private static void PrintDay(CommandContext context, IReadOnlyList<PredictionRow> rows)
    {
        if (rows.Count == 0) return;
        rows = rows.Where(r => r.IsActive).ToArray(); // a moved line's older rows stay for history, inactive
        // One row per player, prop and line: two props of one player may share a line (7.5 assists, 7.5 rebounds).
        var byPlayer = rows.GroupBy(r => (r.PlayerLookup, r.PropType, r.LineValue))
            .Select(g => (g.Key.PlayerLookup, g.Key.PropType, g.Key.LineValue, Systems: g.ToDictionary(r => r.SystemId)))
            .OrderByDescending(p => p.Systems.TryGetValue(SystemIds.Ensemble, out var e) ? Math.Abs(e.LineMargin) : -1)
            .Take(context.Options.Replay.SummaryRows)
            .ToArray();
        context.Say("");
        context.Say($"{"player",-26} {"prop",-8} {"line",5} {"mov_avg",7} {"zone",6} {"simil",6} {"xgb",6} {"ENSEMBLE",8} {"conf",5}  pick");
        foreach (var (player, prop, line, systems) in byPlayer)
        {
            string Cell(string id, int width) => systems.TryGetValue(id, out var r)
                ? r.PredictedPoints.ToString("F1", CultureInfo.InvariantCulture).PadLeft(width) : "-".PadLeft(width);
            systems.TryGetValue(SystemIds.Ensemble, out var ensemble);
            var ev = ensemble?.ExpectedValue is { } v ? $" (EV {v:+0.000;-0.000} at {ensemble.OverPrice:+0;-0}/{ensemble.UnderPrice:+0;-0})" : "";
            context.Say($"{Truncate(player, 26),-26} {prop.Code(),-8} {line,5:F1} {Cell(SystemIds.MovingAverage, 7)} {Cell(SystemIds.ZoneMatchup, 6)} " +
                        $"{Cell(SystemIds.Similarity, 6)} {Cell(SystemIds.Xgboost, 6)} {Cell(SystemIds.Ensemble, 8)} " +
                        $"{(ensemble is null ? "-" : ensemble.ConfidenceScore.ToString("F0", CultureInfo.InvariantCulture)),5}  {ensemble?.Recommendation.Text() ?? "-"}{ev}");
        }
        var picks = rows.Where(r => r.SystemId == SystemIds.Ensemble).GroupBy(r => r.Recommendation).ToDictionary(g => g.Key, g => g.Count());
        context.Say($"ensemble picks: {picks.GetValueOrDefault(Recommendation.Over)} OVER, {picks.GetValueOrDefault(Recommendation.Under)} UNDER, {picks.GetValueOrDefault(Recommendation.Pass)} PASS (showing the {byPlayer.Length} largest edges)");
        context.Say("");
    }

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
