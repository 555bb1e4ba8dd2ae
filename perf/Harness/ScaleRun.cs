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
/// the durable ack log — and times the pipeline run alone.
/// </summary>
public static class ScaleRun
{
    public static async Task<RunResult> RunAsync(RunSpec spec)
    {
        var configured = ConfigurationLoader.Load(spec.ConfigPath);
        var options = configured with
        {
            Pipeline = spec.Design == Design.Sequential ? Design.OneRequestAtATime(configured.Pipeline) : configured.Pipeline,
            // Early-season requests fail similarity (too few games); with the default threshold its breaker would open
            // and skip it for the rest of the run, which measures less work. Every system runs on every request here.
            Resilience = configured.Resilience with { Breaker = configured.Resilience.Breaker with { FailureThreshold = 1_000_000 } },
        };
        var context = new CommandContext(Arguments.Parse(["replay", "--force"]), options, spec.DataDir, TextWriter.Null, Console.Error);
        using var warehouse = Warehouse.OpenInDirectory(spec.DataDir);
        var (models, unusable) = new ModelStore(spec.DataDir).TryLoad();
        if (models is null) throw new InvalidOperationException($"the prepared data dir has no model: {unusable}");

        var messages = ReplayRequests.For(new FeatureTable(warehouse, options.History).ReadRange(spec.From, spec.To, options.Replay.MinGamesPlayed)).Messages;
        if (spec.Limit > 0 && messages.Count > spec.Limit) messages = messages.Take(spec.Limit).ToArray();

        var latency = new LatencyRecorder();
        var ackPath = Path.Combine(spec.DataDir, "acks", $"perf-{spec.Design}.acks");
        if (File.Exists(ackPath)) File.Delete(ackPath);
        using var ackLog = AckLog.Open(ackPath);
        var source = new ResumableRequestSource(new InMemoryRequestSource(messages), ackLog);
        var pipeline = new PredictionPipeline(EmbeddedPipeline.Dependencies(context, new EmbeddedWarehouseAdapters(warehouse), models, latency), options.Pipeline);
        var result = await pipeline.RunAsync(source);
        if (result.Unacknowledged > 0)
            throw new InvalidOperationException($"{result.Unacknowledged} requests were not acknowledged: {result.LastError}");

        return new RunResult
        {
            Design = spec.Design,
            Requests = result.Requests,
            PredictionsWritten = result.PredictionsWritten,
            Acknowledged = result.Acknowledged,
            DeadLettered = result.DeadLettered,
            ElapsedMs = Math.Round(result.Elapsed.TotalMilliseconds, 1),
            RequestsPerSecond = Math.Round(result.RequestsPerSecond, 1),
            P50Ms = Math.Round(latency.Percentile(50), 2),
            P99Ms = Math.Round(latency.Percentile(99), 2),
            PeakRssMb = Math.Round(PeakRss.Megabytes(), 1),
            Stages = latency.StageSeconds,
        };
    }
}
