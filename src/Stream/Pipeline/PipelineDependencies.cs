using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.Features;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Validation;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Pipeline;

/// <summary>What the pipeline is built from: the seams at its edges and the pure systems in its middle.</summary>
public sealed record PipelineDependencies
{
    public required IFeatureStore FeatureStore { get; init; }
    public required IReadOnlyList<IPredictionSystem> Systems { get; init; }
    public required IPredictionSink PredictionSink { get; init; }
    public required IDeadLetterSink DeadLetterSink { get; init; }
    public required IEventPublisher EventPublisher { get; init; }
    public RequestValidationOptions Validation { get; init; } = new();
    public RecommendationOptions Recommendation { get; init; } = new();
    public TimeProvider Clock { get; init; } = TimeProvider.System;
    public IPipelineObserver Observer { get; init; } = NullPipelineObserver.Instance;
}
