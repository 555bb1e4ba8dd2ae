using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Features;
using StreamProcessor.Sinks.Freshness;
using StreamProcessor.Sinks.Players;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Sinks.Training;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Commands;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Market;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Warehouses;

/// <summary>The embedded DuckDB file behind every seam (the default).</summary>
/// <param name="owned">Whether disposing the adapters closes the file (false: the caller owns it).</param>
internal sealed class EmbeddedWarehouseAdapters(Warehouse warehouse, bool owned = false) : IWarehouseAdapters
{
    public string Location => warehouse.Path;
    public IFeatureStore FeatureStore(HistoryOptions window) => new FeatureTable(warehouse, window);
    private readonly WarehousePredictionSink _predictions = new(warehouse);
    public IPredictionSink Predictions => _predictions;
    public ICompletedBatchSink? CompletedBatches => _predictions;
    public IDeadLetterSink DeadLetters { get; } = new WarehouseDeadLetterSink(warehouse);
    public IExecutionLog ExecutionLog { get; } = new WarehouseExecutionLog(warehouse);
    public IBreakerStateStore BreakerState { get; } = new BreakerStateTable(warehouse);
    public IEventPublisher Events { get; } = new WarehouseEventPublisher(warehouse);
    public IPlayerRegistry PlayerRegistry(string? aliasesFile) => new PlayerRegistryTable(warehouse, aliasesFile);
    public IInputFreshness Freshness { get; } = new WarehouseInputFreshness(warehouse);
    public ITrainingData TrainingData { get; } = new WarehouseTrainingData(warehouse);

    // The batch verbs wrote these rows into this very file.
    public Task BoxScoresLoadedAsync(IReadOnlyList<BoxScore> rows, string source, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task LinesLoadedAsync(IReadOnlyList<SportsbookLine> rows, string source, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<BoxScore>> GenerateDefaultSeasonAsync(int seed, CancellationToken cancellationToken) =>
        Task.FromResult(DataSynthCommand.Generate(warehouse, seed));

    public Task<IReadOnlyList<PredictionRow>> PredictionsOfAsync(DateOnly date, CancellationToken cancellationToken) =>
        Task.FromResult(new PredictionTable(warehouse).ReadDate(date));

    public IReadOnlyDictionary<string, long>? MemoryByUse() => warehouse.MemoryByTag();

    public ValueTask DisposeAsync()
    {
        if (owned) warehouse.Dispose();
        return ValueTask.CompletedTask;
    }
}
