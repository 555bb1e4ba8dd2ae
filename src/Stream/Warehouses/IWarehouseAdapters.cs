using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Features;
using StreamProcessor.Sinks.Freshness;
using StreamProcessor.Sinks.Players;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Sinks.Training;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Market;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Warehouses;

/// <summary>
/// The stores the verbs need, from the warehouse the configuration chose (warehouse.kind, --warehouse), so a
/// command asks for a seam and never branches on DuckDB vs BigQuery. features build, model train, evaluate and
/// replay read and write through these seams only (<see cref="TrainingData"/>). data load parses and resolves in the
/// data dir's embedded file in either case; the <c>...LoadedAsync</c> hooks hand what it wrote to the chosen
/// warehouse, which for the embedded one already holds it.
/// </summary>
internal interface IWarehouseAdapters : IAsyncDisposable
{
    /// <summary>Where the rows go, for the user: a file path or a BigQuery project.</summary>
    string Location { get; }

    IFeatureStore FeatureStore(HistoryOptions window);
    IPredictionSink Predictions { get; }

    /// <summary>
    /// <see cref="Predictions"/> as a sink that commits a batch's rows, <see cref="Events"/> and <see cref="ExecutionLog"/>
    /// rows in one write; null where the warehouse cannot (they are then written in turn).
    /// </summary>
    ICompletedBatchSink? CompletedBatches { get; }
    IDeadLetterSink DeadLetters { get; }
    IExecutionLog ExecutionLog { get; }
    IBreakerStateStore BreakerState { get; }
    IEventPublisher Events { get; }
    IPlayerRegistry PlayerRegistry(string? aliasesFile);
    IInputFreshness Freshness { get; }
    ITrainingData TrainingData { get; }

    Task BoxScoresLoadedAsync(IReadOnlyList<BoxScore> rows, string source, CancellationToken cancellationToken);
    Task LinesLoadedAsync(IReadOnlyList<SportsbookLine> rows, string source, CancellationToken cancellationToken);

    /// <summary>
    /// Generates the default synthetic season into an empty warehouse (what `replay` on a fresh data dir does); a
    /// warehouse that must only ever hold loaded data refuses with the command that loads it.
    /// </summary>
    Task<IReadOnlyList<BoxScore>> GenerateDefaultSeasonAsync(int seed, CancellationToken cancellationToken);

    Task<IReadOnlyList<PredictionRow>> PredictionsOfAsync(DateOnly date, CancellationToken cancellationToken);

    /// <summary>
    /// The memory the warehouse itself holds in this process, in bytes by use (the embedded file's DuckDB: cached table
    /// blocks, indexes, rows not yet checkpointed, ...); null for a warehouse that holds none here.
    /// </summary>
    IReadOnlyDictionary<string, long>? MemoryByUse();
}
