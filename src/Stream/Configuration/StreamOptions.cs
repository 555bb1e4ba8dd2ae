using StreamProcessor.Systems.Features;
using StreamProcessor.Stream.Pipeline;
using StreamProcessor.Stream.Resilience;
using StreamProcessor.Stream.Resilience.Faults;
using StreamProcessor.Stream.Service;
using StreamProcessor.Stream.Service.Freshness;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Stream.Validation;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Configuration;

/// <summary>The whole of <c>config.yaml</c>, section by section. Each section is the options record of the part it configures.</summary>
public sealed record StreamOptions
{
    /// <summary>Where embedded mode keeps everything it writes (warehouse, model, event files). --data-dir overrides it.</summary>
    public string DataDir { get; init; } = "./data";

    public PipelineOptions Pipeline { get; init; } = new();
    public RequestValidationOptions Validation { get; init; } = new();
    public RecommendationOptions Recommendation { get; init; } = new();
    public SystemsOptions Systems { get; init; } = new();
    public ModelOptions Model { get; init; } = new();
    public HistoryOptions History { get; init; } = new();
    public PlayersOptions Players { get; init; } = new();
    public ReplayOptions Replay { get; init; } = new();
    public EventsOptions Events { get; init; } = new();
    public EvaluateOptions Evaluate { get; init; } = new();
    public SynthOptions Synth { get; init; } = new();
    public ResilienceOptions Resilience { get; init; } = new();
    public FaultOptions Faults { get; init; } = new();
    public ServiceOptions Service { get; init; } = new();
    public SpoolOptions Spool { get; init; } = new();
    public FreshnessOptions Freshness { get; init; } = new();
    public SourceOptions Source { get; init; } = new();
    public WarehouseOptions Warehouse { get; init; } = new();
    public BigQueryOptions BigQuery { get; init; } = new();
}
