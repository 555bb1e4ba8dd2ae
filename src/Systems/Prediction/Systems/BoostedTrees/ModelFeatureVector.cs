using StreamProcessor.Systems.Features;

namespace StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

/// <summary>
/// The model's input: every <see cref="FeatureCatalog"/> feature as a float, in enum order, with missing
/// values (NaN, and infinities, which only a bug upstream could produce) replaced by <see cref="Missing"/>.
/// </summary>
/// <remarks>
/// FastTree cannot learn from NaN: it silently drops every training row with any NaN feature (ML.NET logs
/// "Skipped N instances with missing features during training"), which here would discard every
/// early-season row, and at prediction time a NaN simply falls to the "greater than" side of each split.
/// Mean imputation would hide the fact that a value is missing, which is itself informative (a player's
/// first games, a team without a defensive sample yet). So a missing value becomes a sentinel far below any
/// real feature value (all are bounded well above -1000): every split can then separate "missing" from
/// "present", the same way XGBoost and CatBoost treat missing values as a minimum, identically in training and
/// in prediction.
/// </remarks>
internal static class ModelFeatureVector
{
    public const float Missing = -1_000_000f;

    public static int Length => FeatureCatalog.Count;

    public static float[] From(PlayerFeatures features)
    {
        var values = features.Values;
        var vector = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
            vector[i] = double.IsFinite(values[i]) ? (float)values[i] : Missing;
        return vector;
    }
}
