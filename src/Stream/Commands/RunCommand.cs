using System.CommandLine;
using StreamProcessor.Stream.Cli.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Prometheus;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Configuration;
using StreamProcessor.Stream.Models;
using StreamProcessor.Stream.Pipeline;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Service;
using StreamProcessor.Stream.Service.Freshness;
using StreamProcessor.Stream.Service.Logging;
using StreamProcessor.Stream.Sources;

using StreamProcessor.Stream.Warehouses;

namespace StreamProcessor.Stream.Commands;

/// <summary>
/// <c>stream run</c>: the long-running mode. Serves /metrics, /healthz and /readyz at once, then opens the
/// spool, the warehouse (waiting for it if it is locked or missing) and the model, and predicts requests as
/// they arrive until SIGTERM or SIGINT. Then it stops reading, gives in-flight requests the drain deadline to
/// be written and acknowledged, abandons the rest unacknowledged (redelivered on restart), and exits 0.
/// </summary>
internal static class RunCommand
{
    public static Command Declare(StreamOptions defaults)
    {
        var command = new Command("run", "the long-running service: reads the spool or a Pub/Sub subscription until SIGTERM/SIGINT, serves /metrics, /healthz and /readyz");
        command.Options.Add(CliOptions.WholeNumber("--port", "N", $"port of the endpoints, 0 for a free one [default: PORT, else {defaults.Service.Port} from service.port]", 0, 65535));
        command.Options.Add(CliOptions.Text("--spool", "DIR", $"the spool directory [default: {defaults.Spool.Directory} in the data dir, spool.directory in the configuration]"));
        command.Options.Add(CliOptions.Choice("--events", $"where completion events go [default: {defaults.Events.Sink}, events.sink in the configuration]", "warehouse", "jsonl"));
        command.Options.Add(CliOptions.Choice("--source", $"what to read [default: {defaults.Source.Kind}, source.kind in the configuration]", "spool", "pubsub"));
        command.Options.Add(CliOptions.Text("--subscription", "projects/P/subscriptions/S", "with --source pubsub: the subscription to pull (source.pubsub.subscription)"));
        command.Options.Add(CliOptions.Text("--events-topic", "projects/P/topics/T", "publish completion events to this Pub/Sub topic (events.sink: pubsub, events.pubsub.topic)"));
        command.Options.Add(CliOptions.Text("--inject", "FAULTS", "fault injection, e.g. features.transient=2,moving_average.delay_ms=50"));
        return command;
    }

    /// <summary>After the drain deadline cancels in-flight work, how long a write that ignores cancellation may still take.</summary>
    private static readonly TimeSpan AbandonGrace = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MaxWarehouseRetry = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(CommandContext context, CancellationToken stop)
    {
        var service = context.Options.Service;
        var port = context.Arguments.GetInt("port") ?? PortFromEnvironment() ?? service.Port;
        var spool = context.Options.Spool;
        var spoolDirectory = context.Arguments.Get("spool") ?? context.ResolveInDataDir(spool.Directory);

        using var loggerFactory = ServiceLogging.Create(service, context.Terminals.Output);
        var log = loggerFactory.CreateLogger("stream.run");
        var registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(registry);
        ManagedHeapMetrics.Register(registry);
        var metrics = new PrometheusPipelineObserver(registry);
        var readiness = new Readiness(registry);
        var pubSubMetrics = new PubSubMetrics(registry);
        using var pubSub = PubSubAdapters.Create(context, pubSubMetrics);

        await using var server = MonitoringServer.Create(service.Address, port, registry, readiness, loggerFactory);
        RunLog.Listening(log, await server.StartAsync(CancellationToken.None));
        try
        {
            await using var source = await OpenSourceAsync(context, pubSub, pubSubMetrics, loggerFactory, log, readiness, spoolDirectory, stop);
            return await ServeAsync(context, loggerFactory, log, registry, metrics, readiness, source.Source, pubSub, stop);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RunLog.PipelineFailed(log, e.Message, e);
            return CliApp.Failed;
        }
        finally
        {
            readiness.StartDraining();
            await server.StopAsync();
        }
    }

    private static async Task<int> ServeAsync(CommandContext context, ILoggerFactory loggerFactory, ILogger log,
        CollectorRegistry registry, PrometheusPipelineObserver metrics, Readiness readiness, IRequestSource source, PubSubAdapters pubSub, CancellationToken stop)
    {
        var service = context.Options.Service;
        // What the embedded defaults say on the user's behalf ("training a model first") belongs in the service log.
        var quiet = new CommandContext(context.Arguments, context.Options, context.DataDir, context.Output,
            new LogLineWriter(loggerFactory.CreateLogger("stream.setup")), context.Terminals with { Error = false });

        // On BigQuery a replica opens no embedded file (replicas share the data dir's models, and a DuckDB file takes
        // one process at a time); the tables are loaded and built by the batch verbs, never by a replica on its own.
        var bigQuery = WarehouseAdapters.IsBigQuery(quiet);
        using var warehouse = bigQuery ? null : await OpenWarehouseAsync(quiet, readiness, log, stop);
        if (!bigQuery && warehouse is null)
        {
            RunLog.StoppedBeforeReady(log);
            return CliApp.Ok;
        }
        await using var adapters = bigQuery ? WarehouseAdapters.OpenBigQuery(quiet) : WarehouseAdapters.Open(quiet, warehouse!);
        _ = new WarehouseMemoryMetrics(adapters.MemoryByUse, registry);
        if (bigQuery)
        {
            readiness.Passed(Readiness.Warehouse);
            RunLog.WarehouseOpened(log, adapters.Location);
        }
        else
        {
            await EmbeddedDefault.EnsureBoxScoresAsync(quiet, adapters, stop);
            await EmbeddedDefault.EnsureFeaturesAsync(quiet, adapters, DateOnly.MinValue, DateOnly.MaxValue, stop);
        }
        readiness.Waiting(Readiness.Model, "loading");
        var model = bigQuery ? SavedModel(quiet) : await EmbeddedDefault.EnsureModelAsync(quiet, adapters, DateOnly.MaxValue, stop);
        readiness.Passed(Readiness.Model);
        RunLog.ModelLoaded(log, model.Version);
        if (stop.IsCancellationRequested)
        {
            RunLog.StoppedBeforeReady(log);
            return CliApp.Ok;
        }

        var requestLog = loggerFactory.CreateLogger("stream.requests");
        // The breakers report their transitions to the same observer, so breaker state reaches /metrics.
        var observer = new CompositePipelineObserver(metrics, new LoggingPipelineObserver(loggerFactory.CreateLogger("stream.pipeline")));
        var dependencies = pubSub.Apply(EmbeddedPipeline.Dependencies(quiet, adapters, model, observer, pubSub.EventsSink));
        dependencies = dependencies with
        {
            DeadLetterSink = new LoggingDeadLetterSink(dependencies.DeadLetterSink, requestLog),
            EventPublisher = new LoggingEventPublisher(dependencies.EventPublisher, requestLog),
            CompletedBatchSink = dependencies.CompletedBatchSink is { } completed ? new LoggingCompletedBatchSink(completed, requestLog) : null,
        };
        // A `model train` that saves into this data dir while we run is picked up without a restart.
        (dependencies, var reloader) = ModelReloader.Wrap(dependencies, new ModelStore(context.DataDir), model, m => EmbeddedPipeline.Systems(quiet, m),
            TimeSpan.FromSeconds(context.Options.Model.ReloadSeconds), loggerFactory.CreateLogger("stream.models"));
        var pipeline = new PredictionPipeline(dependencies, pubSub.Agree(context.Options.Pipeline));

        using var abandon = new CancellationTokenSource();
        var abandonedLongAgo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStop = stop.Register(() =>
        {
            readiness.StartDraining();
            RunLog.Draining(log, service.DrainSeconds);
            abandon.CancelAfter(TimeSpan.FromSeconds(Math.Max(0, service.DrainSeconds)));
        });
        using var onAbandon = abandon.Token.Register(() =>
            _ = Task.Delay(AbandonGrace).ContinueWith(_ => abandonedLongAgo.TrySetResult(), TaskScheduler.Default));

        using var stopMonitoring = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var freshness = new FreshnessMonitor(adapters.Freshness, context.Options.Freshness, registry,
            loggerFactory.CreateLogger("stream.freshness"));
        await freshness.RefreshAsync(stop); // the freshness series are on /metrics before the service says it is ready
        var monitoring = Task.WhenAll(
            Task.Run(() => freshness.RunAsync(stopMonitoring.Token), CancellationToken.None),
            Task.Run(() => reloader.RunAsync(stopMonitoring.Token), CancellationToken.None));
        try
        {
            return await ServePipelineAsync(pipeline, source, log, readiness, service, stop, abandon, abandonedLongAgo);
        }
        finally
        {
            await stopMonitoring.CancelAsync();
            await monitoring; // before the warehouse it reads is closed
        }
    }

    private static async Task<int> ServePipelineAsync(PredictionPipeline pipeline, IRequestSource source, ILogger log, Readiness readiness,
        ServiceOptions service, CancellationToken stop, CancellationTokenSource abandon, TaskCompletionSource abandonedLongAgo)
    {
        var run = pipeline.RunAsync(source, stop, abandon.Token);
        readiness.Passed(Readiness.Pipeline); // its blocks exist (and are on /metrics) once RunAsync returns its task
        RunLog.Ready(log);
        if (await Task.WhenAny(run, abandonedLongAgo.Task) != run)
        {
            // A write stuck past cancellation: exiting is safe, since acknowledgement follows the write and an
            // interrupted transaction commits nothing. The unacknowledged requests come back on restart.
            RunLog.AbandonedWithoutStopping(log, AbandonGrace.TotalSeconds);
            return CliApp.Ok;
        }
        try
        {
            var result = await run;
            RunLog.Stopped(log, result.Requests, result.RequestsCompleted, result.DeadLettered, result.Acknowledged, result.PredictionsWritten);
        }
        catch (Exception e) when (abandon.IsCancellationRequested && e is OperationCanceledException or PipelineFaultedException)
        {
            RunLog.DrainDeadlinePassed(log, service.DrainSeconds);
        }
        catch (PipelineFaultedException e)
        {
            RunLog.PipelineFailed(log, e.Message, e);
            return CliApp.Failed;
        }
        return CliApp.Ok;
    }

    /// <summary>The spool, or the Pub/Sub subscription (checked once here; the streaming pull keeps the source check up to date).</summary>
    private static async Task<OpenSource> OpenSourceAsync(CommandContext context, PubSubAdapters pubSub, PubSubMetrics pubSubMetrics,
        ILoggerFactory loggerFactory, ILogger log, Readiness readiness, string spoolDirectory, CancellationToken stop)
    {
        if (pubSub.SourceKind == SourceOptions.PubSubKind)
        {
            var pubSubSource = pubSub.CreateSource(loggerFactory.CreateLogger("stream.pubsub"));
            readiness.Waiting(Readiness.Source, "connecting to " + pubSubSource.Subscription);
            pubSubMetrics.ReportTo(readiness);
            RunLog.SubscriptionOpening(log, pubSubSource.Subscription, pubSub.PullOptions.MaxOutstandingMessages, pubSub.PullOptions.AckDeadlineSeconds);
            try
            {
                await pubSubSource.CheckReachableAsync(stop);
                readiness.Passed(Readiness.Source);
            }
            catch (Exception e) when (e is Grpc.Core.RpcException or HttpRequestException or IOException)
            {
                readiness.Waiting(Readiness.Source, $"cannot read {pubSubSource.Subscription}: {e.Message}");
                RunLog.SubscriptionUnreachable(log, pubSubSource.Subscription, e.Message);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            return new OpenSource(pubSubSource, pubSubSource);
        }
        var spool = SpoolRequestSource.Open(spoolDirectory, context.ResolveInDataDir(context.Options.Spool.AckLog),
            TimeSpan.FromMilliseconds(context.Options.Spool.PollMilliseconds), loggerFactory.CreateLogger("stream.spool"),
            redelivery: context.Options.Spool.Redelivery());
        readiness.Passed(Readiness.Source);
        RunLog.SpoolOpened(log, spool.Directory, spool.AckLogPath);
        return new OpenSource(spool, spool);
    }

    /// <summary>A source and what closes it (the Pub/Sub source nacks what is still in flight as it closes).</summary>
    private sealed record OpenSource(IRequestSource Source, object Resource) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (Resource is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else if (Resource is IDisposable disposable) disposable.Dispose();
        }
    }

    /// <summary>The models `model train` saved in the data dir; a replica on BigQuery never trains on its own.</summary>
    private static TrainedModels SavedModel(CommandContext context)
    {
        var (saved, unusable) = new ModelStore(context.DataDir).TryLoad();
        return saved ?? throw new UsageException($"{unusable}: run `stream model train --warehouse bigquery --data-dir {context.DataDir}` first (replicas load the models it saves there)");
    }

    /// <summary>Opens the warehouse, retrying with backoff while it cannot be (locked by another process, say); null if stopped first.</summary>
    private static async Task<Warehouse?> OpenWarehouseAsync(CommandContext context, Readiness readiness, ILogger log, CancellationToken stop)
    {
        var retry = TimeSpan.FromMilliseconds(250);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var warehouse = context.OpenWarehouse();
                readiness.Passed(Readiness.Warehouse);
                RunLog.WarehouseOpened(log, warehouse.Path);
                return warehouse;
            }
            catch (WarehouseException e)
            {
                readiness.Waiting(Readiness.Warehouse, e.Message);
                RunLog.WarehouseUnavailable(log, retry.TotalSeconds, e.Message);
            }
            await Task.Delay(retry, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, MaxWarehouseRetry.Ticks));
        }
        return null;
    }

    /// <summary>Cloud Run (and others) say which port to serve on in PORT.</summary>
    private static int? PortFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable("PORT");
        if (string.IsNullOrWhiteSpace(text)) return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ConfigurationException($"PORT must be a port number, got \"{text}\"");
    }
}
