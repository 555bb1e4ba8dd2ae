using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Features;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Models;
using StreamProcessor.Stream.Pipeline;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Resilience.CircuitBreaker;
using StreamProcessor.Stream.Resilience.Faults;
using StreamProcessor.Stream.Resilience.Retry;
using StreamProcessor.Stream.Warehouses;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

namespace StreamProcessor.Stream.Commands;

/// <summary>
/// The pipeline's dependencies: the chosen warehouse's adapters behind every seam, the five systems behind
/// their breakers, retries on every write, and any faults the configuration or --inject asks for.
/// </summary>
internal static class EmbeddedPipeline
{
    /// <param name="eventsSink">The events sink when the caller has resolved it (stream run's --events-topic); else --events or events.sink.</param>
    public static PipelineDependencies Dependencies(CommandContext context, IWarehouseAdapters warehouse, TrainedModels? models, IPipelineObserver? observer = null, string? eventsSink = null)
    {
        observer ??= NullPipelineObserver.Instance;
        var options = context.Options;
        var faults = Faults(context);
        var systems = Systems(context, models);
        IPredictionSink sink = warehouse.Predictions;
        if (faults.Sink.TransientFailuresPerBatch > 0 || faults.Sink.Permanent) sink = new FaultInjectingPredictionSink(sink, faults.Sink);
        if (faults.Any) context.Note($"fault injection is on: {Describe(faults)}");
        var retry = SinkRetry.Create(options.Resilience.Retry);
        IFeatureStore features = warehouse.FeatureStore(options.History);
        if (faults.Features.Any) features = new FaultInjectingFeatureStore(features, faults.Features);
        IExecutionLog executionLog = warehouse.ExecutionLog;
        if (faults.ExecutionLog.Any) executionLog = new FaultInjectingExecutionLog(executionLog, faults.ExecutionLog);
        IBreakerStateStore breakerStore = warehouse.BreakerState;
        if (faults.Breakers.Any) breakerStore = new FaultInjectingBreakerStateStore(breakerStore, faults.Breakers);
        breakerStore = new ResilientBreakerStateStore(breakerStore, retry, observer);
        var eventsSinkName = eventsSink ?? context.Arguments.Get("events") ?? options.Events.Sink;
        var events = EventPublisher(context, warehouse, eventsSinkName, resolvedByCaller: eventsSink is not null);
        // Events kept in the warehouse are committed with the batch's rows and log, in one write instead of three.
        var completedBatches = eventsSinkName == "warehouse" && warehouse.CompletedBatches is not null ? sink as ICompletedBatchSink : null;
        return new PipelineDependencies
        {
            FeatureStore = features,
            Systems = systems,
            PredictionSink = sink,
            CompletedBatchSink = completedBatches,
            DeadLetterSink = warehouse.DeadLetters,
            EventPublisher = events,
            ExecutionLog = executionLog,
            PlayerRegistry = warehouse.PlayerRegistry(options.Players.AliasesFile),
            Breakers = new SystemBreakers(systems.Select(s => s.Id), options.Resilience.Breaker, breakerStore, observer, TimeProvider.System),
            SinkRetry = retry,
            SkipAlreadyProcessed = !context.Arguments.Has("force"),
            ModelVersions = models?.Models.GroupBy(m => m.Prop).ToDictionary(g => g.Key, g => g.Last().Version) ?? new Dictionary<PropType, string>(),
            Validation = options.Validation,
            Recommendation = options.Recommendation,
            Observer = observer,
        };
    }

    /// <summary>The five systems on these models, with the faults the configuration or --inject asks for.</summary>
    public static IReadOnlyList<IPredictionSystem> Systems(CommandContext context, TrainedModels? models)
    {
        var faults = Faults(context);
        return SystemCatalog.Create(context.Options.Systems, models)
            .Select(s => faults.Systems.TryGetValue(s.Id, out var f) ? new FaultInjectingSystem(s, f, faults.Seed) : s)
            .ToArray();
    }

    private static FaultOptions Faults(CommandContext context) =>
        context.Arguments.Get("inject") is { } inject ? FaultSpecification.Apply(context.Options.Faults, inject) : context.Options.Faults;

    private static string Describe(FaultOptions faults) => string.Join(", ",
        faults.Systems.Select(s => $"{s.Key} throw {s.Value.ThrowProbability:P0} delay {s.Value.DelayMs} ms")
            .Concat(faults.Sink.Permanent ? ["sink fails permanently"] : [])
            .Concat(faults.Sink.TransientFailuresPerBatch > 0 ? [$"sink fails {faults.Sink.TransientFailuresPerBatch}x per batch (transient)"] : [])
            .Concat(DescribeRead("feature store", faults.Features))
            .Concat(DescribeRead("execution-log lookup", faults.ExecutionLog))
            .Concat(DescribeRead("breaker-state store", faults.Breakers)));

    private static IEnumerable<string> DescribeRead(string store, ReadFaultOptions faults) =>
        faults.Permanent ? [$"{store} fails permanently"]
        : faults.TransientFailures > 0 ? [$"{store}: first {faults.TransientFailures} calls fail (transient)"]
        : [];

    /// <param name="resolvedByCaller">The sink came from the caller (stream run's --events-topic), not --events or events.sink.</param>
    private static IEventPublisher EventPublisher(CommandContext context, IWarehouseAdapters warehouse, string sink, bool resolvedByCaller) =>
        sink switch
        {
            // stream run puts the topic's publisher in place of this one (PubSubAdapters.Apply).
            "pubsub" when resolvedByCaller => warehouse.Events,
            "pubsub" => throw new UsageException("events sink pubsub is for stream run (events.pubsub.topic or --events-topic)"),
            "warehouse" => warehouse.Events,
            "jsonl" => new JsonlEventPublisher(context.ResolveInDataDir(context.Options.Events.JsonlPath)),
            _ => throw new UsageException($"events sink must be warehouse, jsonl or pubsub, got \"{sink}\""),
        };
}
