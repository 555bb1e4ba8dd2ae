using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Commands;
using StreamProcessor.Stream.Configuration;
using StreamProcessor.Stream.Models;
using StreamProcessor.Stream.Pipeline;
using StreamProcessor.Stream.Replay;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Stream.Warehouses;

namespace StreamProcessor.Perf.Harness;

/// <summary>
/// The child side of the harness: one design over one scale, in a process of its own so its peak RSS is its own.
/// It does what <c>stream replay --from --to --force</c> does — the same requests, the same embedded dependencies,
/// the durable ack log — and times the pipeline run alone. The requests are built a day at a time while the
/// pipeline runs (as the pipeline takes them), so memory holds about a day, not the whole range.
/// </summary>
public static class ScaleRun
{
    /// <summary>The day a warm run replays first, on a copy of the base data: real, and in no scale's first 300 requests.</summary>
    public static readonly DateOnly WarmupDay = new(2025, 2, 11);

    public static async Task<RunResult> RunAsync(RunSpec spec)
    {
        var options = Options(spec);
        double? warmupMs = null;
        // The one-time costs are the same code's whatever the sizes; warming up batched keeps the warm-up short.
        if (spec.WarmupBase is { } warmBase) warmupMs = await WarmUpAsync(warmBase, spec, Options(spec with { Design = Design.Batched }));

        var context = Context(options, spec.DataDir);
        using var warehouse = Warehouse.OpenInDirectory(spec.DataDir, options.Warehouse.DuckDbSettings());
        var models = Models(spec.DataDir);
        var features = new FeatureTable(warehouse, options.History);
        IReadOnlyList<SourceMessage> RequestsOf(DateOnly day) =>
            ReplayRequests.For(features.ReadRange(day, day, options.Replay.MinGamesPlayed)).Messages;
        IRequestSource requests = spec.Limit > 0
            ? new InMemoryRequestSource(First(spec.Limit, spec.From, spec.To, RequestsOf))
            // The first day is built before the clock starts, as every request was before; the rest while it runs.
            : new DayByDayRequestSource(spec.From, spec.To, RequestsOf, firstDay: RequestsOf(spec.From));

        var latency = new LatencyRecorder();
        using var managed = new PeakManagedHeap();
        var ackPath = Path.Combine(spec.DataDir, "acks", $"perf-{spec.Design}.acks");
        if (File.Exists(ackPath)) File.Delete(ackPath);
        using var ackLog = AckLog.Open(ackPath);
        var source = new ResumableRequestSource(requests, ackLog);
        var pipeline = new PredictionPipeline(EmbeddedPipeline.Dependencies(context, new EmbeddedWarehouseAdapters(warehouse), models, latency), options.Pipeline);
        var runtime = RuntimeCosts.Start();
        var result = await pipeline.RunAsync(source);
        var runtimeCosts = runtime();
        var duckDbMemory = warehouse.MemoryByTag().ToDictionary(t => t.Key, t => Megabytes.Rounded(t.Value));
        if (result.Unacknowledged > 0)
            throw new InvalidOperationException($"{result.Unacknowledged} requests were not acknowledged: {result.LastError}");
        // Every request of a prepared scale has a player, features and a line: a dead letter means the data is not what the
        // scale claims (clones missing from the player registry once made the 5x and 25x seasons mostly dead letters).
        if (result.DeadLettered > 0)
            throw new InvalidOperationException($"{result.DeadLettered} of {result.Requests} requests were dead-lettered ({string.Join(", ", result.DeadLettersByReason.Select(r => $"{r.Key} {r.Value}"))}): the harness measures predictions");

        return new RunResult
        {
            Design = spec.Design,
            Warm = warmupMs is not null,
            WarmupMs = warmupMs,
            Requests = result.Requests,
            PredictionsWritten = result.PredictionsWritten,
            Acknowledged = result.Acknowledged,
            DeadLettered = result.DeadLettered,
            ElapsedMs = Math.Round(result.Elapsed.TotalMilliseconds, 1),
            RequestsPerSecond = Math.Round(result.RequestsPerSecond, 1),
            P50Ms = Math.Round(latency.Percentile(50), 2),
            P99Ms = Math.Round(latency.Percentile(99), 2),
            PeakRssMb = Math.Round(PeakRss.Megabytes(), 1),
            PeakManagedMb = Math.Round(managed.Megabytes, 1),
            DuckDbMemoryMb = duckDbMemory,
            Stages = latency.StageSeconds,
            Runtime = runtimeCosts,
        };
    }

    /// <summary>
    /// Pays the process's one-time costs (JIT of every step, DuckDB's first statements, the models' prediction engines)
    /// on a throwaway copy of the base data, so the measured run that follows does exactly the work a cold one does.
    /// </summary>
    private static async Task<double> WarmUpAsync(string baseDir, RunSpec spec, StreamOptions options)
    {
        var dir = spec.DataDir.TrimEnd('/') + "-warmup";
        PerfData.CopyBase(baseDir, dir);
        try
        {
            using var warehouse = Warehouse.OpenInDirectory(dir, options.Warehouse.DuckDbSettings());
            var messages = ReplayRequests.For(new FeatureTable(warehouse, options.History).ReadRange(WarmupDay, WarmupDay, options.Replay.MinGamesPlayed)).Messages;
            using var ackLog = AckLog.Open(Path.Combine(dir, "acks", "warmup.acks"));
            var pipeline = new PredictionPipeline(
                EmbeddedPipeline.Dependencies(Context(options, dir), new EmbeddedWarehouseAdapters(warehouse), Models(dir), new LatencyRecorder()), options.Pipeline);
            var result = await pipeline.RunAsync(new ResumableRequestSource(new InMemoryRequestSource(messages), ackLog));
            if (result.Unacknowledged > 0) throw new InvalidOperationException($"the warm-up left {result.Unacknowledged} requests unacknowledged: {result.LastError}");
            return Math.Round(result.Elapsed.TotalMilliseconds, 1);
        }
        finally
        {
            PerfData.Remove(dir);
        }
    }

    private static StreamOptions Options(RunSpec spec)
    {
        var configured = ConfigurationLoader.Load(spec.ConfigPath);
        return configured with
        {
            Pipeline = spec.Design == Design.Sequential ? Design.OneRequestAtATime(configured.Pipeline) : configured.Pipeline,
            // Early-season requests fail similarity (too few games); with the default threshold its breaker would open
            // and skip it for the rest of the run, which measures less work. Every system runs on every request here.
            Resilience = configured.Resilience with { Breaker = configured.Resilience.Breaker with { FailureThreshold = 1_000_000 } },
        };
    }

    private static CommandContext Context(StreamOptions options, string dataDir) =>
        new(Arguments.Parse(["replay", "--force"]), options, dataDir, TextWriter.Null, Console.Error);

    private static TrainedModels Models(string dataDir)
    {
        var (models, unusable) = new ModelStore(dataDir).TryLoad();
        return models ?? throw new InvalidOperationException($"the prepared data dir has no model: {unusable}");
    }

    private static List<SourceMessage> First(int limit, DateOnly from, DateOnly to, Func<DateOnly, IReadOnlyList<SourceMessage>> requestsOf)
    {
        var first = new List<SourceMessage>(limit);
        for (var day = from; day <= to && first.Count < limit; day = day.AddDays(1))
            first.AddRange(requestsOf(day).Take(limit - first.Count));
        return first;
    }
}
