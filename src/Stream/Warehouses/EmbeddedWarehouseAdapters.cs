using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Features;
using StreamProcessor.Sinks.Freshness;
using StreamProcessor.Sinks.Players;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Market;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Warehouses;

/// <summary>The embedded DuckDB file behind every seam (the default). The caller owns the warehouse.</summary>
internal sealed class EmbeddedWarehouseAdapters(Warehouse warehouse) : IWarehouseAdapters
{
    public string Location => warehouse.Path;
    public IFeatureStore FeatureStore(HistoryOptions window) => new FeatureTable(warehouse, window);
    public IPredictionSink Predictions { get; } = new WarehousePredictionSink(warehouse);
    public IDeadLetterSink DeadLetters { get; } = new WarehouseDeadLetterSink(warehouse);
    public IExecutionLog ExecutionLog { get; } = new WarehouseExecutionLog(warehouse);
    public IBreakerStateStore BreakerState { get; } = new BreakerStateTable(warehouse);
    public IEventPublisher Events { get; } = new WarehouseEventPublisher(warehouse);
    public IPlayerRegistry PlayerRegistry(string? aliasesFile) => new PlayerRegistryTable(warehouse, aliasesFile);
    public IInputFreshness Freshness { get; } = new WarehouseInputFreshness(warehouse);

    // The batch verbs wrote these rows into this very file.
    public Task BoxScoresLoadedAsync(IReadOnlyList<BoxScore> rows, string source, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task FeaturesBuiltAsync(IReadOnlyList<PlayerFeatures> rows, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task LinesLoadedAsync(IReadOnlyList<SportsbookLine> rows, string source, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<PredictionRow>> PredictionsOfAsync(DateOnly date, CancellationToken cancellationToken) =>
        Task.FromResult(new PredictionTable(warehouse).ReadDate(date));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
