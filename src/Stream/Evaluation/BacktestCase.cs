using StreamProcessor.Systems.Market;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Evaluation;

/// <summary>
/// One player-game of a backtest: what was known before it, the line (synthetic, or the books' consensus with its
/// prices in <see cref="Market"/>), what happened, and the minutes he played.
/// </summary>
public sealed record BacktestCase(PredictionInput Input, double Line, double Actual, double Minutes)
{
    public MarketLine? Market { get; init; }

    public MarketPrice? Price => Market is { } m ? new MarketPrice(m.OverPrice, m.UnderPrice) : null;
}
