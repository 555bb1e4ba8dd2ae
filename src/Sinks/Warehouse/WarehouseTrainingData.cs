using StreamProcessor.Sinks.Features;
using StreamProcessor.Sinks.Training;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Market;

namespace StreamProcessor.Sinks.Warehouse;

/// <summary>The batch verbs' reads and feature writes on the embedded file.</summary>
public sealed class WarehouseTrainingData(Warehouse warehouse) : ITrainingData
{
    public Task<IReadOnlyList<BoxScore>> BoxScoresAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new BoxScoreTable(warehouse).ReadAll());

    public Task<FeatureCoverage> CoverageAsync(DateOnly from, DateOnly to, string featureVersion, CancellationToken cancellationToken)
    {
        var features = new FeatureTable(warehouse);
        return Task.FromResult(new FeatureCoverage(new BoxScoreTable(warehouse).Count(from, to), features.Count(from, to), features.CountOtherVersions(featureVersion)));
    }

    public Task<IReadOnlyList<PlayerFeatures>> FeaturesAsync(DateOnly from, DateOnly to, int minGamesPlayed, CancellationToken cancellationToken) =>
        Task.FromResult(new FeatureTable(warehouse).ReadRange(from, to, minGamesPlayed));

    public Task<IReadOnlyList<FeatureOutcome>> OutcomesAsync(DateOnly from, DateOnly to, int minGamesPlayed, CancellationToken cancellationToken) =>
        Task.FromResult(new FeatureTable(warehouse).ReadWithOutcomes(from, to, minGamesPlayed));

    public Task<bool> AnyLinesAsync(CancellationToken cancellationToken) => Task.FromResult(new PropLinesTable(warehouse).Count() > 0);

    public Task<IReadOnlyDictionary<(PlayerDate Key, PropType Prop), MarketLine>> ConsensusAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Task.FromResult(new PropLinesTable(warehouse).Consensus(from, to));

    public Task WriteFeaturesAsync(IReadOnlyList<PlayerFeatures> rows, CancellationToken cancellationToken)
    {
        new FeatureTable(warehouse).Upsert(rows);
        return Task.CompletedTask;
    }

    public IFeatureStore FeatureStore(HistoryOptions window) => new FeatureTable(warehouse, window);
}
