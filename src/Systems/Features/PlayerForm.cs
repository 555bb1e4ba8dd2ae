using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Features;

/// <summary>
/// The features that come from the player's own earlier games of the season: averages over
/// the last 3 / 5 / 10 games and the season, spread, per-minute rates, shot mix, percentages.
/// A last-N window with fewer than N earlier games uses the games there are; games_played
/// says how thin that is. Anything with no games, or a zero denominator, is NaN.
/// </summary>
internal static class PlayerForm
{
    /// <param name="values">The row being filled, indexed by <see cref="Feature"/>.</param>
    /// <param name="earlier">The player's games of this season before the game, oldest first.</param>
    /// <param name="season">The same games' running sums.</param>
    public static void Fill(Span<double> values, ReadOnlySpan<BoxScore> earlier, SeasonTotals season)
    {
        var last3 = Last(earlier, 3);
        var last5 = Last(earlier, 5);
        var last10 = Last(earlier, 10);

        var seasonPoints = season.Games == 0 ? double.NaN : (double)season.Points / season.Games;
        var seasonMinutes = season.Games == 0 ? double.NaN : season.Minutes / season.Games;
        var last5Points = Mean(last5, static g => g.Points);
        var last5Minutes = Mean(last5, static g => g.Minutes);

        values[(int)Feature.PointsAvgLast3] = Mean(last3, static g => g.Points);
        values[(int)Feature.PointsAvgLast5] = last5Points;
        values[(int)Feature.PointsAvgLast10] = Mean(last10, static g => g.Points);
        values[(int)Feature.PointsAvgSeason] = seasonPoints;
        values[(int)Feature.PointsStdLast10] = SampleStd(last10, static g => g.Points);
        values[(int)Feature.PointsEwma] = season.Games == 0 ? double.NaN : season.EwmaWeightedPoints / season.EwmaWeights;

        values[(int)Feature.MinutesAvgLast5] = last5Minutes;
        values[(int)Feature.MinutesAvgLast10] = Mean(last10, static g => g.Minutes);
        values[(int)Feature.MinutesAvgSeason] = seasonMinutes;
        values[(int)Feature.MinutesStdLast10] = SampleStd(last10, static g => g.Minutes);
        values[(int)Feature.MinutesTrend] = last5Minutes - seasonMinutes;

        values[(int)Feature.PointsPerMinuteSeason] = Ratio(season.Points, season.Minutes);
        values[(int)Feature.PointsPerMinuteLast10] = Ratio(Sum(last10, static g => g.Points), Sum(last10, static g => g.Minutes));
        values[(int)Feature.UsageSeason] = Ratio(
            Possessions.Shooting(season.FieldGoalsAttempted, season.FreeThrowsAttempted), season.Minutes);
        values[(int)Feature.UsageLast10] = Ratio(
            Sum(last10, static g => Possessions.Shooting(g.FieldGoalsAttempted, g.FreeThrowsAttempted)),
            Sum(last10, static g => g.Minutes));

        values[(int)Feature.ShareTwoPoint] = Ratio(season.TwoPointPoints, season.Points);
        values[(int)Feature.ShareThreePoint] = Ratio(season.ThreePointPoints, season.Points);
        values[(int)Feature.ShareFreeThrow] = Ratio(season.FreeThrowPoints, season.Points);
        values[(int)Feature.FieldGoalPctSeason] = Ratio(season.FieldGoalsMade, season.FieldGoalsAttempted);
        values[(int)Feature.ThreePointPctSeason] = Ratio(season.ThreesMade, season.ThreesAttempted);
        values[(int)Feature.FreeThrowPctSeason] = Ratio(season.FreeThrowsMade, season.FreeThrowsAttempted);

        values[(int)Feature.ReboundsAvgLast10] = Mean(last10, static g => g.Rebounds);
        values[(int)Feature.AssistsAvgLast10] = Mean(last10, static g => g.Assists);
        values[(int)Feature.ThreesMadeAvgLast10] = Mean(last10, static g => g.ThreesMade);

        var games = season.Games == 0 ? double.NaN : season.Games;
        values[(int)Feature.ReboundsAvgLast5] = Mean(last5, static g => g.Rebounds);
        values[(int)Feature.ReboundsAvgSeason] = season.Rebounds / games;
        values[(int)Feature.ReboundsEwma] = season.Ewma(season.EwmaWeightedRebounds);
        values[(int)Feature.ReboundsStdLast10] = SampleStd(last10, static g => g.Rebounds);
        values[(int)Feature.AssistsAvgLast5] = Mean(last5, static g => g.Assists);
        values[(int)Feature.AssistsAvgSeason] = season.Assists / games;
        values[(int)Feature.AssistsEwma] = season.Ewma(season.EwmaWeightedAssists);
        values[(int)Feature.AssistsStdLast10] = SampleStd(last10, static g => g.Assists);
        values[(int)Feature.ThreesMadeAvgLast5] = Mean(last5, static g => g.ThreesMade);
        values[(int)Feature.ThreesMadeAvgSeason] = season.ThreesMade / games;
        values[(int)Feature.ThreesMadeEwma] = season.Ewma(season.EwmaWeightedThrees);
        values[(int)Feature.ThreesMadeStdLast10] = SampleStd(last10, static g => g.ThreesMade);
        values[(int)Feature.MinutesEwma] = season.Ewma(season.EwmaWeightedMinutes);
        values[(int)Feature.ReboundsPerMinuteSeason] = Ratio(season.Rebounds, season.Minutes);
        values[(int)Feature.AssistsPerMinuteSeason] = Ratio(season.Assists, season.Minutes);

        values[(int)Feature.GamesPlayed] = season.Games;
        values[(int)Feature.RecentForm] = Ratio(last5Points, seasonPoints) - 1;
    }

    private static ReadOnlySpan<BoxScore> Last(ReadOnlySpan<BoxScore> games, int count) =>
        games[Math.Max(0, games.Length - count)..];

    private static double Sum(ReadOnlySpan<BoxScore> games, Func<BoxScore, double> stat)
    {
        var sum = 0.0;
        foreach (var g in games) sum += stat(g);
        return sum;
    }

    private static double Mean(ReadOnlySpan<BoxScore> games, Func<BoxScore, double> stat) =>
        games.IsEmpty ? double.NaN : Sum(games, stat) / games.Length;

    private static double SampleStd(ReadOnlySpan<BoxScore> games, Func<BoxScore, double> stat)
    {
        if (games.Length < 2) return double.NaN;
        var mean = Mean(games, stat);
        var squares = 0.0;
        foreach (var g in games) squares += (stat(g) - mean) * (stat(g) - mean);
        return Math.Sqrt(squares / (games.Length - 1));
    }

    /// <summary>NaN rather than infinity or 0/0 when there is nothing to divide by.</summary>
    private static double Ratio(double numerator, double denominator) =>
        denominator > 0 ? numerator / denominator : double.NaN;
}
