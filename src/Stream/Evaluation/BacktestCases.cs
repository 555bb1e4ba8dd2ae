using StreamProcessor.Sinks.Features;
using StreamProcessor.Sinks.Training;
using StreamProcessor.Stream.Replay;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Market;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Evaluation;

/// <summary>
/// The player-games of a date range, read once (pre-game features, history, outcome), from which the
/// backtest cases of each prop are made in memory: the props differ only in their line and their outcome.
/// </summary>
public sealed class BacktestCases
{
    private const int LoadBatchSize = 1000;

    private readonly IReadOnlyList<(FeatureOutcome Row, IReadOnlyList<HistoricalGame> History)> _games;

    private BacktestCases(IReadOnlyList<(FeatureOutcome, IReadOnlyList<HistoricalGame>)> games) => _games = games;

    /// <summary>Player-games in [from, to] whose player had at least <paramref name="minEarlierGames"/> earlier games.</summary>
    public static async Task<BacktestCases> LoadAsync(
        ITrainingData data, HistoryOptions history, DateOnly from, DateOnly to, int minEarlierGames, CancellationToken cancellationToken)
    {
        var table = data.FeatureStore(history);
        var rows = await data.OutcomesAsync(from, to, minEarlierGames, cancellationToken);
        var games = new List<(FeatureOutcome, IReadOnlyList<HistoricalGame>)>(rows.Count);
        foreach (var chunk in rows.Chunk(LoadBatchSize))
        {
            var records = await table.LoadAsync(chunk.Select(r => r.Features.Key).ToArray(), cancellationToken);
            games.AddRange(chunk.Select(row => (row, records[row.Features.Key].History)));
        }
        return new BacktestCases(games);
    }

    /// <summary>The cases of one prop: the games whose player has a line for it.</summary>
    public IReadOnlyList<BacktestCase> For(PropType prop) => Cases(prop, features => SyntheticLine.For(features, prop) is { } line ? (line, null) : null);

    /// <summary>The cases of one prop with a real line: the books' consensus line and prices for the player and date.</summary>
    public IReadOnlyList<BacktestCase> ForMarket(PropType prop, IReadOnlyDictionary<(PlayerDate Key, PropType Prop), MarketLine> consensus) =>
        Cases(prop, features => consensus.TryGetValue((features.Key, prop), out var market) ? (market.Line, market) : null);

    private List<BacktestCase> Cases(PropType prop, Func<PlayerFeatures, (double Line, MarketLine? Market)?> lineOf)
    {
        var cases = new List<BacktestCase>(_games.Count);
        foreach (var (row, history) in _games)
        {
            if (lineOf(row.Features) is not var (line, market)) continue;
            var request = new PredictionRequest
            {
                RequestId = $"evaluate:{row.Features.Key}",
                PlayerLookup = row.Features.PlayerLookup,
                GameDate = row.Features.GameDate,
                GameId = row.Features.GameId,
                LineValues = [line],
                Prop = prop,
            };
            cases.Add(new BacktestCase(new PredictionInput
            {
                Request = request,
                Features = row.Features,
                History = history,
            }, line, row.ValueOf(prop), row.Minutes) { Market = market });
        }
        return cases;
    }
}
