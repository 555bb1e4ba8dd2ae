using StreamProcessor.Systems.Features;

namespace StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

/// <summary>One row to learn from: what was known before a game, and what the player then did for the model's prop.</summary>
public sealed record TrainingExample(PlayerFeatures Features, double Points);
