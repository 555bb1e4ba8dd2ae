using System.Diagnostics;
using System.Text.Json;
using StreamProcessor.Perf.Harness;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Configuration;
using StreamProcessor.Stream.Replay;

namespace StreamProcessor.Perf.Load;

/// <summary>
/// <c>dotnet run -c Release --project perf -- load</c>: starts the real <c>stream run</c> on a copy of the harness's
/// data, offers it the season's requests at each rate (100, 1,000, 5,000 per second, then flat out), and reads what it
/// sustained and its end-to-end latency from its own /metrics; then soaks it at a steady rate and samples its RSS.
/// </summary>
public static class LoadGenerator
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    public static async Task<int> RunAsync(LoadOptions options)
    {
        var root = RepositoryRoot.Find();
        var output = Path.Combine(root, "perf", "out");
        var data = new PerfData(root, output, Console.Error);
        await data.EnsureBaseAsync();
        var dataDir = data.Prepare(Scale.Season, "load");
        var payloads = SeasonPayloads(dataDir, data.ConfigPath);
        var next = 0;
        byte[][] Take(int n) => Enumerable.Range(0, n).Select(_ => Offer(payloads, next++)).ToArray();

        var programs = MeasuredPrograms.Choose(options.Jit, Console.Error);
        using var target = await CreateTargetAsync(options.Target, root, programs, data, dataDir);
        var logFile = Path.Combine(output, "load-service.log");
        await using var service = ServiceUnderLoad.Start(programs, dataDir, data.ConfigPath, target, logFile);
        await service.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
        Console.Error.WriteLine($"perf load: stream run ({(programs.ReadyToRun ? "ReadyToRun" : "JIT")}) is ready at {service.BaseUrl} (log: {logFile}), target {target.Name}");

        var steps = new List<LoadStepResult>();
        Console.WriteLine("| offered/s | requests | seconds | sustained/s | p50 ms | p95 ms | p99 ms | RSS MB |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var rate in options.Rates)
        {
            var step = await StepAsync(service, target, rate, options, Take);
            steps.Add(step);
            Console.WriteLine($"| {step.Offered} | {step.Requests:N0} | {step.Seconds:N1} | {step.SustainedPerSecond:N0} | {step.P50Ms:N1} | {step.P95Ms:N1} | {step.P99Ms:N1} | {step.RssMb:N0} |");
            Console.Error.WriteLine($"perf load: {step.Offered}/s: {step.Stages}");
        }
        var soak = options.SoakMinutes > 0 ? await SoakAsync(service, target, options, Take) : null;
        if (soak is not null)
            Console.WriteLine($"soak {soak.Minutes:N1} min at {soak.Rate}/s: {soak.Requests:N0} requests ({soak.SustainedPerSecond:N0}/s), RSS {soak.RssFirstMinuteMb:N0} -> {soak.RssLastMinuteMb:N0} MB ({soak.RssGrowthPercent:+0.0;-0.0}%), peak {soak.RssPeakMb:N0} MB, managed {soak.ManagedFirstMinuteMb:N0} -> {soak.ManagedLastMinuteMb:N0} MB, warehouse {soak.WarehouseFirstMinuteMb:N0} -> {soak.WarehouseLastMinuteMb:N0} MB, p50 {soak.P50Ms:N1} ms, p99 {soak.P99Ms:N1} ms");

        var report = new { target = target.Name, ready_to_run = programs.ReadyToRun, steps, soak };
        File.WriteAllText(Path.Combine(output, "load-results.json"), JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        if (options.Json) Console.WriteLine(JsonSerializer.Serialize(report));
        await service.DisposeAsync(); // stopped before its data dir is removed
        PerfData.Remove(dataDir);
        return 0;
    }

    /// <summary>
    /// The season's requests again and again, each pass with every line a point higher: a request with other lines is
    /// new work for smart skip (as a line move is), so every offered request is predicted and written, not skipped as
    /// already processed (<c>stream run</c> has no <c>--force</c>, rightly: a service never re-predicts the same work).
    /// </summary>
    private static byte[] Offer(byte[][] payloads, int index)
    {
        var pass = index / payloads.Length;
        var payload = payloads[index % payloads.Length];
        if (pass == 0) return payload;
        var request = System.Text.Json.Nodes.JsonNode.Parse(payload)!.AsObject();
        request["line_values"] = new System.Text.Json.Nodes.JsonArray(request["line_values"]!.AsArray().Select(l => (System.Text.Json.Nodes.JsonNode?)(l!.GetValue<double>() + pass)).ToArray());
        return System.Text.Encoding.UTF8.GetBytes(request.ToJsonString());
    }

    private static async Task<IRequestTarget> CreateTargetAsync(string name, string root, MeasuredPrograms programs, PerfData data, string dataDir) => name switch
    {
        "spool" => new SpoolTarget(Path.Combine(dataDir, "spool-load")),
        "pubsub" => await PubSubTarget.StartAsync(),
        "bigquery" => await BigQueryTarget.StartAsync(root, programs, dataDir, data.ConfigPath, data.BoxScores),
        _ => throw new ArgumentException($"unknown load target \"{name}\"; the targets are spool, pubsub and bigquery"),
    };

    private static byte[][] SeasonPayloads(string dataDir, string configPath)
    {
        var options = ConfigurationLoader.Load(configPath);
        using var warehouse = Warehouse.OpenInDirectory(dataDir);
        var days = new FeatureTable(warehouse, options.History).ReadRange(Scale.Season.From, Scale.Season.To, options.Replay.MinGamesPlayed);
        return ReplayRequests.For(days).Messages.Select(m => m.Data.ToArray()).ToArray();
    }

    private static async Task<LoadStepResult> StepAsync(ServiceUnderLoad service, IRequestTarget target, int rate, LoadOptions options, Func<int, byte[][]> take)
    {
        var before = await service.ScrapeAsync();
        var clock = Stopwatch.StartNew();
        long offered;
        if (rate == LoadOptions.FlatOut)
        {
            offered = options.FlatOutRequests;
            target.SendAll(take(options.FlatOutRequests));
        }
        else offered = await PaceAsync(target, rate, TimeSpan.FromSeconds(options.StepSeconds), take);

        var (after, completed) = await WaitForAsync(service, before.Done + offered, TimeSpan.FromSeconds(Math.Max(60, options.StepSeconds * 3)));
        var seconds = clock.Elapsed.TotalSeconds;
        return new LoadStepResult
        {
            Offered = rate == LoadOptions.FlatOut ? "max" : rate.ToString(),
            Requests = (long)(after.Done - before.Done),
            Seconds = Math.Round(seconds, 2),
            SustainedPerSecond = Math.Round((after.Done - before.Done) / seconds, 1),
            P50Ms = Math.Round(after.QuantileSince(before, 0.50) * 1000, 1),
            P95Ms = Math.Round(after.QuantileSince(before, 0.95) * 1000, 1),
            P99Ms = Math.Round(after.QuantileSince(before, 0.99) * 1000, 1),
            RssMb = Math.Round(service.Resident().TotalMb, 1),
            Completed = completed,
            Stages = LoadStageMeans.Between(before, after),
        };
    }

    /// <summary>Offers <paramref name="rate"/> requests per second for <paramref name="duration"/>, topping up every tick to what is due by now.</summary>
    private static async Task<long> PaceAsync(IRequestTarget target, int rate, TimeSpan duration, Func<int, byte[][]> take, Func<Task>? everyTick = null)
    {
        var clock = Stopwatch.StartNew();
        long sent = 0;
        while (clock.Elapsed < duration)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            if (due > sent)
            {
                target.Send(take((int)(due - sent)));
                sent = due;
            }
            if (everyTick is not null) await everyTick();
            await Task.Delay(Tick);
        }
        var total = (long)(duration.TotalSeconds * rate);
        if (total > sent) target.Send(take((int)(total - sent)));
        return total;
    }

    private static async Task<(MetricsSnapshot After, bool Completed)> WaitForAsync(ServiceUnderLoad service, double done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var now = await service.ScrapeAsync();
            if (now.Done >= done) return (now, true);
            if (clock.Elapsed > timeout) return (now, false);
            await Task.Delay(50);
        }
    }

    private static async Task<SoakResult> SoakAsync(ServiceUnderLoad service, IRequestTarget target, LoadOptions options, Func<int, byte[][]> take)
    {
        var before = await service.ScrapeAsync();
        var samples = new List<SoakSample>();
        var clock = Stopwatch.StartNew();
        var lastSample = TimeSpan.Zero;
        var duration = TimeSpan.FromMinutes(options.SoakMinutes);
        var offered = await PaceAsync(target, options.SoakRate, duration, take, async () =>
        {
            if (clock.Elapsed - lastSample < TimeSpan.FromSeconds(5)) return;
            lastSample = clock.Elapsed;
            var now = await service.ScrapeAsync();
            samples.Add(new SoakSample(clock.Elapsed.TotalMinutes, service.Resident(), now));
        });
        var (after, completed) = await WaitForAsync(service, before.Done + offered, TimeSpan.FromMinutes(2));
        var seconds = clock.Elapsed.TotalSeconds;
        var window = Math.Min(1.0, options.SoakMinutes / 4);
        static double Mean(IEnumerable<SoakSample> over, Func<SoakSample, double> of) =>
            Math.Round(over.Select(of).DefaultIfEmpty(double.NaN).Average(), 1);
        var first = samples.Where(s => s.Minute <= window).ToArray();
        var last = samples.Where(s => s.Minute >= options.SoakMinutes - window).ToArray();
        var minuteBefore = before;
        var byMinute = new List<SoakMinute>();
        foreach (var minute in samples.GroupBy(s => (int)s.Minute))
        {
            var end = minute.Last().Metrics;
            byMinute.Add(new SoakMinute(minute.Key, Mean(minute, s => s.Rss),
                Mean(minute, s => s.Resident.AnonymousMb), Mean(minute, s => s.Resident.FilesMb),
                Mean(minute, s => s.Managed), Mean(minute, s => s.ManagedCommitted), Mean(minute, s => s.Warehouse), end.Done - minuteBefore.Done,
                Math.Round(end.QuantileSince(minuteBefore, 0.99) * 1000, 1), Math.Round(end.MeanSince(minuteBefore, "stream_write_duration_seconds") * 1000, 1),
                end.WarehouseByUse.Where(u => u.Value > 0).ToDictionary(u => u.Key, u => Megabytes.Rounded(u.Value))));
            minuteBefore = end;
        }
        return new SoakResult
        {
            Minutes = options.SoakMinutes,
            Rate = options.SoakRate,
            Requests = (long)(after.Done - before.Done),
            SustainedPerSecond = Math.Round((after.Done - before.Done) / seconds, 1),
            Completed = completed,
            RssFirstMinuteMb = Mean(first, s => s.Rss),
            RssLastMinuteMb = Mean(last, s => s.Rss),
            RssPeakMb = Math.Round(samples.Select(s => s.Rss).DefaultIfEmpty(double.NaN).Max(), 1),
            ManagedFirstMinuteMb = Mean(first, s => s.Managed),
            ManagedLastMinuteMb = Mean(last, s => s.Managed),
            ManagedCommittedFirstMinuteMb = Mean(first, s => s.ManagedCommitted),
            ManagedCommittedLastMinuteMb = Mean(last, s => s.ManagedCommitted),
            WarehouseFirstMinuteMb = Mean(first, s => s.Warehouse),
            WarehouseLastMinuteMb = Mean(last, s => s.Warehouse),
            P50Ms = Math.Round(after.QuantileSince(before, 0.50) * 1000, 1),
            P99Ms = Math.Round(after.QuantileSince(before, 0.99) * 1000, 1),
            ByMinute = byMinute,
        };
    }

    /// <summary>One look at the service during a soak: when (minutes in), its resident set and its metrics.</summary>
    private readonly record struct SoakSample(double Minute, ResidentSet Resident, MetricsSnapshot Metrics)
    {
        public double Rss => Resident.TotalMb;

        public double Managed => Megabytes.Of(Metrics.ManagedBytes);

        public double ManagedCommitted => Megabytes.Of(Metrics.ManagedCommittedBytes);

        public double Warehouse => Megabytes.Of(Metrics.WarehouseBytes);
    }
}
