using StreamProcessor.Systems.Prediction.Systems.Xgboost;

namespace StreamProcessor.Stream.Configuration;

/// <summary>Training of xgboost_v1 (<c>stream model train</c>).</summary>
public sealed record ModelOptions
{
    /// <summary>Player-games with fewer earlier games than this are left out of training: too little history to learn from.</summary>
    public int MinGamesPlayed { get; init; } = 5;

    public XgboostTrainingOptions Training { get; init; } = new();
}
