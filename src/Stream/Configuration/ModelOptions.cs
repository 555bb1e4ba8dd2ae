using StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

namespace StreamProcessor.Stream.Configuration;

/// <summary>Training of xgboost_v1 (<c>stream model train</c>).</summary>
public sealed record ModelOptions
{
    /// <summary>Player-games with fewer earlier games than this are left out of training: too little history to learn from.</summary>
    public int MinGamesPlayed { get; init; } = 5;

    /// <summary>
    /// Days before the cut-off (ending at the last game before it) on which the ensemble weights and probability
    /// curves are fitted, by a model trained on the games before them. Default 28.
    /// </summary>
    public int ValidationDays { get; init; } = 28;

    public BoostedTreesTrainingOptions Training { get; init; } = new();

    /// <summary>`stream run` looks for a newer saved model this often and swaps it in without a restart.</summary>
    public int ReloadSeconds { get; init; } = 30;
}
