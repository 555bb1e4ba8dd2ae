using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Models;
using StreamProcessor.Stream.Pipeline;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Resilience.CircuitBreaker;
using StreamProcessor.Stream.Resilience.Faults;
using StreamProcessor.Stream.Resilience.Retry;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Systems.Prediction.Systems.Xgboost;

namespace StreamProcessor.Stream.Commands;

/// <summary>
/// The pipeline's dependencies in embedded mode: the warehouse behind every seam, the five systems behind
/// their breakers, retries on every write, and any faults the configuration or --inject asks for.
/// </summary>
internal static class EmbeddedPipeline
{
    /// <param name="eventsSink">The events sink when the caller has resolved it (stream run's --events-topic); else --events or events.sink.</param>
    public static PipelineDependencies Dependencies(CommandContext context, Warehouse warehouse, TrainedModels? models, IPipelineObserver? observer = null, string? eventsSink = null)
    {
        observer ??= NullPipelineObserver.Instance;
        var options = context.Options;
        var faults = Faults(context);
        var systems = SystemCatalog.Create(options.Systems, models)
            .Select(s => faults.Systems.TryGetValue(s.Id, out var f) ? new FaultInjectingSystem(s, f, faults.Seed) : s)
            .ToArray();
        IPredictionSink sink = new WarehousePredictionSink(warehouse);
        if (faults.Sink.TransientFailuresPerBatch > 0 || faults.Sink.Permanent) sink = new FaultInjectingPredictionSink(sink, faults.Sink);
        if (faults.Any) context.Note($"fault injection is on: {Describe(faults)}");
        return new PipelineDependencies
        {
            FeatureStore = new FeatureTable(warehouse, options.History),
            Systems = systems,
            PredictionSink = sink,
            DeadLetterSink = new WarehouseDeadLetterSink(warehouse),
            EventPublisher = EventPublisher(context, warehouse, eventsSink),
            ExecutionLog = new WarehouseExecutionLog(warehouse),
            Breakers = new SystemBreakers(systems.Select(s => s.Id), options.Resilience.Breaker, new BreakerStateTable(warehouse), observer, TimeProvider.System),
            SinkRetry = SinkRetry.Create(options.Resilience.Retry),
            SkipAlreadyProcessed = !context.Arguments.Has("force"),
            Validation = options.Validation,
            Recommendation = options.Recommendation,
            Observer = observer,
        };
    }

    private static FaultOptions Faults(CommandContext context) =>
        context.Arguments.Get("inject") is { } inject ? FaultSpecification.Apply(context.Options.Faults, inject) : context.Options.Faults;

    private static string Describe(FaultOptions faults) => string.Join(", ",
        faults.Systems.Select(s => $"{s.Key} throw {s.Value.ThrowProbability:P0} delay {s.Value.DelayMs} ms")
            .Concat(faults.Sink.Permanent ? ["sink fails permanently"] : [])
            .Concat(faults.Sink.TransientFailuresPerBatch > 0 ? [$"sink fails {faults.Sink.TransientFailuresPerBatch}x per batch (transient)"] : []));

    private static IEventPublisher EventPublisher(CommandContext context, Warehouse warehouse, string? eventsSink)
    {
        var sink = eventsSink ?? context.Arguments.Get("events") ?? context.Options.Events.Sink;
        return sink switch
        {
            // stream run puts the topic's publisher in place of this one (PubSubAdapters.Apply).
            "pubsub" when eventsSink is not null => new WarehouseEventPublisher(warehouse),
            "pubsub" => throw new UsageException("events sink pubsub is for stream run (events.pubsub.topic or --events-topic)"),
            "warehouse" => new WarehouseEventPublisher(warehouse),
            "jsonl" => new JsonlEventPublisher(context.ResolveInDataDir(context.Options.Events.JsonlPath)),
            _ => throw new UsageException($"events sink must be warehouse, jsonl or pubsub, got \"{sink}\""),
        };
    }
}
