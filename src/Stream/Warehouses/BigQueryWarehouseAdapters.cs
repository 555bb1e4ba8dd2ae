using StreamProcessor.Google.BigQuery;
using StreamProcessor.Stream.Cli;
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
/// BigQuery behind every seam: predictions, dead letters, the execution log, events and breaker state through the
/// Storage Write API, features, smart skip, breakers and the player registry through the Storage Read API. The
/// batch verbs read box scores, features and lines through the Read API and upsert features by CDC; data load's
/// box scores and lines are upserted into their tables.
/// </summary>
internal sealed class BigQueryWarehouseAdapters(BigQueryWarehouse bigQuery) : IWarehouseAdapters
{
    public string Location => $"BigQuery project {bigQuery.Storage.Options.Project}" +
                              (bigQuery.Storage.Options.EmulatorHost is { } host ? $" (local server {host})" : "");
    public IFeatureStore FeatureStore(HistoryOptions window) => bigQuery.FeatureStore(window);
    public IPredictionSink Predictions => bigQuery.Predictions;
    public ICompletedBatchSink? CompletedBatches => null; // events go through their own publisher after the Storage Write commit
    public IDeadLetterSink DeadLetters => bigQuery.DeadLetters;
    public IExecutionLog ExecutionLog => bigQuery.ExecutionLog;
    public IBreakerStateStore BreakerState => bigQuery.BreakerState;
    public IEventPublisher Events => bigQuery.Events;
    public IPlayerRegistry PlayerRegistry(string? aliasesFile) => bigQuery.PlayerRegistry(aliasesFile);
    public IInputFreshness Freshness => bigQuery.Freshness;
    public ITrainingData TrainingData => bigQuery.TrainingData;

    public Task BoxScoresLoadedAsync(IReadOnlyList<BoxScore> rows, string source, CancellationToken cancellationToken) =>
        bigQuery.Tables.BoxScoresAsync(rows, source, cancellationToken);

    public Task LinesLoadedAsync(IReadOnlyList<SportsbookLine> rows, string source, CancellationToken cancellationToken) =>
        bigQuery.Tables.LinesAsync(rows, source, cancellationToken);

    // Synthetic box scores have no place in a shared warehouse that replicas and reports read.
    public Task<IReadOnlyList<BoxScore>> GenerateDefaultSeasonAsync(int seed, CancellationToken cancellationToken) =>
        throw new UsageException($"{Location} has no box scores: load them with `data load --box-scores FILE.csv --warehouse bigquery`");

    public Task<IReadOnlyList<PredictionRow>> PredictionsOfAsync(DateOnly date, CancellationToken cancellationToken) =>
        bigQuery.PredictionReader.ReadDateAsync(date, cancellationToken);

    public IReadOnlyDictionary<string, long>? MemoryByUse() => null; // BigQuery's memory is BigQuery's

    public ValueTask DisposeAsync() => bigQuery.DisposeAsync();
}
