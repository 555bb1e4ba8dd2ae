using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Features;
using StreamProcessor.Sinks.Freshness;
using StreamProcessor.Sinks.Players;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Market;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Warehouses;

/// <summary>
/// The stores the verbs need, from the warehouse the configuration chose (warehouse.kind, --warehouse), so a
/// command asks for a seam and never branches on DuckDB vs BigQuery. The batch verbs compute in the data dir's
/// embedded file in either case (box scores, features, lines, training); the <c>...Async</c> hooks hand what they
/// wrote to the chosen warehouse, which for the embedded one already holds it.
/// </summary>
internal interface IWarehouseAdapters : IAsyncDisposable
{
    /// <summary>Where the rows go, for the user: a file path or a BigQuery project.</summary>
    string Location { get; }

    IFeatureStore FeatureStore(HistoryOptions window);
    IPredictionSink Predictions { get; }
    IDeadLetterSink DeadLetters { get; }
    IExecutionLog ExecutionLog { get; }
    IBreakerStateStore BreakerState { get; }
    IEventPublisher Events { get; }
    IPlayerRegistry PlayerRegistry(string? aliasesFile);
    IInputFreshness Freshness { get; }

    Task BoxScoresLoadedAsync(IReadOnlyList<BoxScore> rows, string source, CancellationToken cancellationToken);
    Task FeaturesBuiltAsync(IReadOnlyList<PlayerFeatures> rows, CancellationToken cancellationToken);
    Task LinesLoadedAsync(IReadOnlyList<SportsbookLine> rows, string source, CancellationToken cancellationToken);

    Task<IReadOnlyList<PredictionRow>> PredictionsOfAsync(DateOnly date, CancellationToken cancellationToken);
}
