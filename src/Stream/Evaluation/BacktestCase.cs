using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Evaluation;

/// <summary>One player-game of a backtest: what was known before it, the synthetic line, what happened, and the minutes he played.</summary>
public sealed record BacktestCase(PredictionInput Input, double Line, double Actual, double Minutes);
