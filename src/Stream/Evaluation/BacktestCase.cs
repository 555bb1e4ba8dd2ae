using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Evaluation;

/// <summary>One player-game of a backtest: what was known before it, the synthetic line, and what happened.</summary>
public sealed record BacktestCase(PredictionInput Input, double Line, double ActualPoints);
