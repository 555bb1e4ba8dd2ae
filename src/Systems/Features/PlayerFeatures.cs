using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Features;

/// <summary>A row of <c>ml_feature_store_v2</c>: what was known about a player before one game.</summary>
public sealed class PlayerFeatures
{
    private readonly double[] _values;

    public PlayerFeatures(PlayerDate key, string gameId, string team, string opponent, double[] values, string featureVersion = FeatureCatalog.Version)
    {
        if (values.Length != FeatureCatalog.Count)
            throw new ArgumentException($"expected {FeatureCatalog.Count} feature values, got {values.Length}", nameof(values));
        Key = key;
        GameId = gameId;
        Team = team;
        Opponent = opponent;
        _values = values;
        FeatureVersion = featureVersion;
    }

    public PlayerDate Key { get; }
    public string PlayerLookup => Key.PlayerLookup;
    public DateOnly GameDate => Key.GameDate;
    public string GameId { get; }
    public string Team { get; }
    public string Opponent { get; }
    public string FeatureVersion { get; }

    /// <summary>The value, or NaN when the player's history cannot supply it.</summary>
    public double this[Feature feature] => _values[(int)feature];

    public bool Has(Feature feature) => !double.IsNaN(_values[(int)feature]);

    public ReadOnlySpan<double> Values => _values;

    public IReadOnlyList<Feature> MissingFeatures
    {
        get
        {
            // A plain loop: LINQ's ToArray here rented from ArrayPool<Feature>.Shared once per request, and that pool's
            // trimming after every gen-2 collection cost more CPU than the five systems (perf/ profile of a season replay).
            var missing = new List<Feature>();
            for (var i = 0; i < _values.Length; i++)
                if (double.IsNaN(_values[i])) missing.Add((Feature)i);
            return missing;
        }
    }

    /// <summary>0-100: the share of features present.</summary>
    public double QualityScore =>
        Math.Round(100.0 * FeatureCatalog.All.Count(Has) / FeatureCatalog.Count, 1);

    public OpponentTier OpponentTier => GameContext.TierFor(this[Feature.OpponentDefRatingRel]);

    public RecentForm RecentFormCategory => GameContext.FormFor(this[Feature.RecentForm]);

    public int DaysRest => GameContext.RestDaysFor(this[Feature.DaysRest]);

    public bool IsHome => GameContext.IsHome(this[Feature.Home]);
}
