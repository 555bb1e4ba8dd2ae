using StreamProcessor.Systems.Features;

namespace StreamProcessor.Google.BigQuery.Tables;

/// <summary>A feature row to write, with when it was computed.</summary>
public sealed record FeatureRow(PlayerFeatures Features, DateTimeOffset ComputedAt);
