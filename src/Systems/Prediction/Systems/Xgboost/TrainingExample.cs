using StreamProcessor.Systems.Features;

namespace StreamProcessor.Systems.Prediction.Systems.Xgboost;

/// <summary>One row to learn from: what was known before a game, and the points the player then scored.</summary>
public sealed record TrainingExample(PlayerFeatures Features, double Points);
