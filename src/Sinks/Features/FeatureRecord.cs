using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;

namespace StreamProcessor.Sinks.Features;

/// <summary>What the feature store holds for one (player, game date): the feature row, the player's recent games, and when the row was computed.</summary>
public sealed record FeatureRecord(PlayerFeatures Features, IReadOnlyList<HistoricalGame> History, DateTimeOffset ComputedAt);
