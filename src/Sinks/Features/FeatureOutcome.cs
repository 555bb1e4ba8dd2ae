using StreamProcessor.Systems.Features;

namespace StreamProcessor.Sinks.Features;

/// <summary>A feature row beside what then happened in the game: the examples of training and backtests.</summary>
public sealed record FeatureOutcome(PlayerFeatures Features, double Points, double Minutes);
