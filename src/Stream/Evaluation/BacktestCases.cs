using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Replay;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Stream.Evaluation;

/// <summary>The player-games of a date range as backtest cases for one prop: pre-game features, history, synthetic line, outcome.</summary>
public static class BacktestCases
{
    private const int LoadBatchSize = 1000;

    /// <summary>Player-games in [from, to] whose player had at least <paramref name="minEarlierGames"/> earlier games and a line.</summary>
    public static async Task<IReadOnlyList<BacktestCase>> LoadAsync(
        Warehouse warehouse, HistoryOptions history, DateOnly from, DateOnly to, int minEarlierGames, PropType prop, CancellationToken cancellationToken)
    {
        var table = new FeatureTable(warehouse, history);
        var rows = table.ReadWithOutcomes(from, to, minEarlierGames);
        var cases = new List<BacktestCase>(rows.Count);
        foreach (var chunk in rows.Chunk(LoadBatchSize))
        {
            var records = await table.LoadAsync(chunk.Select(r => r.Features.Key).ToArray(), cancellationToken);
            foreach (var row in chunk)
            {
                if (SyntheticLine.For(row.Features, prop) is not { } line) continue;
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
                    History = records[row.Features.Key].History,
                }, line, row.ValueOf(prop), row.Minutes));
            }
        }
        return cases;
    }
}
