using StreamProcessor.Sinks.Features;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Market;

namespace StreamProcessor.Sinks.Training;

/// <summary>
/// What the batch verbs (features build, model train, evaluate, replay) read from the warehouse and the features they
/// write back, so they run against whichever warehouse holds the data. Date ranges are inclusive; rows come in
/// game date then player order, as the embedded queries return them, so both warehouses train the same models.
/// </summary>
public interface ITrainingData
{
    /// <summary>Every box score, the history features are computed from (game date, team, player name order).</summary>
    Task<IReadOnlyList<BoxScore>> BoxScoresAsync(CancellationToken cancellationToken);

    /// <summary>How far the features cover the box scores of [from, to].</summary>
    Task<FeatureCoverage> CoverageAsync(DateOnly from, DateOnly to, string featureVersion, CancellationToken cancellationToken);

    /// <summary>Feature rows of [from, to] whose player had at least <paramref name="minGamesPlayed"/> earlier games.</summary>
    Task<IReadOnlyList<PlayerFeatures>> FeaturesAsync(DateOnly from, DateOnly to, int minGamesPlayed, CancellationToken cancellationToken);

    /// <summary>As <see cref="FeaturesAsync"/>, each row with what the player then did (rows without a box score are left out).</summary>
    Task<IReadOnlyList<FeatureOutcome>> OutcomesAsync(DateOnly from, DateOnly to, int minGamesPlayed, CancellationToken cancellationToken);

    /// <summary>Whether any sportsbook line is loaded at all.</summary>
    Task<bool> AnyLinesAsync(CancellationToken cancellationToken);

    /// <summary>The market's consensus per (player, date, prop) in [from, to], from the books that priced both sides.</summary>
    Task<IReadOnlyDictionary<(PlayerDate Key, PropType Prop), MarketLine>> ConsensusAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>Upserts feature rows by (player, date); a refused row fails the call.</summary>
    Task WriteFeaturesAsync(IReadOnlyList<PlayerFeatures> rows, CancellationToken cancellationToken);

    /// <summary>The feature-load seam over the same rows (each key's features and the player's recent games).</summary>
    IFeatureStore FeatureStore(HistoryOptions window);
}
