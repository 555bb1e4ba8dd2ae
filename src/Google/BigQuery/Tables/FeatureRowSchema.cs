using StreamProcessor.Google.BigQuery.Write;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;

namespace StreamProcessor.Google.BigQuery.Tables;

/// <summary>
/// nba_predictions.ml_feature_store_v2's row schema: the key and identity columns, one FLOAT64 per catalogued
/// feature (NaN, a missing feature, is NULL), the quality score, the missing features and computed_at.
/// Written by CDC upsert on (player_lookup, game_date).
/// </summary>
public static class FeatureRowSchema
{
    public const string Dataset = "nba_predictions", Table = "ml_feature_store_v2";

    public static IReadOnlyList<string> IdentityColumns { get; } = ["player_lookup", "game_date", "game_id", "team", "opponent", "feature_version"];

    /// <summary>What <see cref="Decode"/> reads: the identity columns and every catalogued feature.</summary>
    public static IReadOnlyList<string> FeatureColumns { get; } = [.. IdentityColumns, .. FeatureCatalog.All.Select(f => f.ColumnName())];

    /// <summary>A row read back (at least <see cref="FeatureColumns"/>) as the features it holds; NULL is a missing feature (NaN).</summary>
    public static PlayerFeatures Decode(IReadOnlyDictionary<string, object?> row)
    {
        var values = FeatureCatalog.All.Select(f => row[f.ColumnName()] is double v ? v : double.NaN).ToArray();
        return new PlayerFeatures(new PlayerDate((string)row["player_lookup"]!, (DateOnly)row["game_date"]!),
            (string)row["game_id"]!, (string)row["team"]!, (string)row["opponent"]!, values, (string)row["feature_version"]!);
    }

    public static ProtoRowSchema<FeatureRow> Create()
    {
        var columns = new List<RowColumn<FeatureRow>>
        {
            new("player_lookup", ColumnKind.String, true, false, r => r.Features.PlayerLookup),
            new("game_date", ColumnKind.Date, true, false, r => r.Features.GameDate),
            new("game_id", ColumnKind.String, true, false, r => r.Features.GameId),
            new("team", ColumnKind.String, true, false, r => r.Features.Team),
            new("opponent", ColumnKind.String, true, false, r => r.Features.Opponent),
            new("feature_version", ColumnKind.String, true, false, r => r.Features.FeatureVersion),
        };
        foreach (var feature in FeatureCatalog.All)
            columns.Add(new(feature.ColumnName(), ColumnKind.Float64, false, false, r => r.Features.Has(feature) ? r.Features[feature] : null));
        columns.Add(new("feature_quality_score", ColumnKind.Float64, true, false, r => r.Features.QualityScore));
        columns.Add(new("missing_features", ColumnKind.String, false, true, r => r.Features.MissingFeatures.Select(m => m.ColumnName()).ToArray()));
        columns.Add(new("computed_at", ColumnKind.Timestamp, true, false, r => r.ComputedAt));
        return ProtoRowSchema<FeatureRow>.Create(cdc: true, columns);
    }
}
