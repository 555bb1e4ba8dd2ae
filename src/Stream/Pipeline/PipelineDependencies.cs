using StreamProcessor.Sinks.DeadLetters;
using Polly;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Features;
using StreamProcessor.Sinks.Players;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Resilience.CircuitBreaker;
using StreamProcessor.Stream.Validation;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Pipeline;

/// <summary>What the pipeline is built from: the seams at its edges and the pure systems in its middle.</summary>
public sealed record PipelineDependencies
{
    public required IFeatureStore FeatureStore { get; init; }
    public required IReadOnlyList<IPredictionSystem> Systems { get; init; }
    public required IPredictionSink PredictionSink { get; init; }

    /// <summary>
    /// Where each batch's rows, completion events and execution-log rows are committed in one write, when the events
    /// and the log live in the prediction sink's own warehouse; null writes them through <see cref="PredictionSink"/>,
    /// <see cref="EventPublisher"/> and <see cref="ExecutionLog"/> in turn. Whoever replaces the event publisher or the
    /// execution log must clear it.
    /// </summary>
    public ICompletedBatchSink? CompletedBatchSink { get; init; }
    public required IDeadLetterSink DeadLetterSink { get; init; }
    public required IEventPublisher EventPublisher { get; init; }
    public required IExecutionLog ExecutionLog { get; init; }

    /// <summary>Resolves each request's player to the registry's canonical lookup; null takes names as given.</summary>
    public IPlayerRegistry? PlayerRegistry { get; init; }

    /// <summary>The per-system breakers; null runs every system unguarded.</summary>
    public SystemBreakers? Breakers { get; init; }

    /// <summary>Retries of transient write / publish / log failures.</summary>
    public ResiliencePipeline SinkRetry { get; init; } = ResiliencePipeline.Empty;

    /// <summary>Smart skip: a request already predicted with the same prop, lines, feature and model version ends early.</summary>
    public bool SkipAlreadyProcessed { get; init; } = true;

    /// <summary>The version of the trained models each prop is predicted with (recorded per request; part of the smart-skip key).</summary>
    public IReadOnlyDictionary<PropType, string> ModelVersions { get; init; } = new Dictionary<PropType, string>();
    public RequestValidationOptions Validation { get; init; } = new();
    public RecommendationOptions Recommendation { get; init; } = new();
    public TimeProvider Clock { get; init; } = TimeProvider.System;
    public IPipelineObserver Observer { get; init; } = NullPipelineObserver.Instance;
}
