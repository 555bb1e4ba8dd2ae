using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Features;

/// <summary>
/// A player's earlier games as the similarity system sees them: each described by the same
/// <see cref="GameContext"/> categories as tonight's game, from the features that game had
/// before tip-off, plus what actually happened.
/// </summary>
public static class HistoricalGames
{
    /// <param name="featuresOfThatGame">The feature row of the earlier game itself (what was known before it).</param>
    /// <param name="points">Points the player scored in that game.</param>
    /// <param name="minutes">Minutes the player played in that game.</param>
    public static HistoricalGame From(PlayerFeatures featuresOfThatGame, double points, double minutes)
    {
        ArgumentNullException.ThrowIfNull(featuresOfThatGame);
        return new HistoricalGame
        {
            GameDate = featuresOfThatGame.GameDate,
            OpponentTier = featuresOfThatGame.OpponentTier,
            DaysRest = featuresOfThatGame.DaysRest,
            Home = featuresOfThatGame.IsHome,
            RecentForm = featuresOfThatGame.RecentFormCategory,
            Points = points,
            Minutes = minutes,
        };
    }

    /// <summary>
    /// The last <see cref="HistoryOptions.MaxGames"/> games dated strictly before
    /// <paramref name="gameDate"/> and at most <see cref="HistoryOptions.WindowDays"/> days
    /// earlier, most recent first. Games on or after the game date are ignored, so a caller
    /// may pass a player's whole history.
    /// </summary>
    public static IReadOnlyList<HistoricalGame> Select(DateOnly gameDate, IEnumerable<HistoricalGame> earlierGames, HistoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(earlierGames);
        options ??= HistoryOptions.Default;
        var oldest = gameDate.AddDays(-options.WindowDays);
        return earlierGames
            .Where(g => g.GameDate < gameDate && g.GameDate >= oldest)
            .OrderByDescending(g => g.GameDate)
            .Take(Math.Max(0, options.MaxGames))
            .ToArray();
    }
}
