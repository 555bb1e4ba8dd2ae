namespace StreamProcessor.Systems.Prediction.Systems;

/// <summary>The <c>system_id</c> of each prediction system, as written to the warehouse.</summary>
public static class SystemIds
{
    public const string MovingAverage = "moving_average";
    public const string ZoneMatchup = "zone_matchup_v1";
    public const string Similarity = "similarity_balanced_v1";
    public const string Xgboost = "xgboost_v1";
    public const string Ensemble = "ensemble_v1";

    /// <summary>The four systems that predict from features and history alone.</summary>
    public static IReadOnlyList<string> BaseSystems { get; } = [MovingAverage, ZoneMatchup, Similarity, Xgboost];

    public static IReadOnlyList<string> All { get; } = [.. BaseSystems, Ensemble];
}
