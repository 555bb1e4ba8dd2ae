using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Systems.Features;

/// <summary>
/// Builds the feature store from box scores: one <see cref="PlayerFeatures"/> per player and
/// game date in the input, each computed only from games strictly before that date, so a row
/// is the same whether it is built the night before or a year later. Definitions are those of
/// <see cref="FeatureCatalog"/>.
/// </summary>
public static class FeatureBuilder
{
    /// <summary>
    /// The input may be in any order and span several seasons. Identical duplicate lines count
    /// once; two different lines for the same player and date are an error in the input.
    /// </summary>
    /// <returns>Rows ordered by game date, then player lookup.</returns>
    /// <exception cref="ArgumentException">A player has two different lines on one date.</exception>
    public static IReadOnlyList<PlayerFeatures> Build(IReadOnlyList<BoxScore> games, FeatureBuilderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(games);
        options ??= FeatureBuilderOptions.Default;
        options.Validate();

        var lines = games.Distinct().ToArray();
        var teams = TeamGameLog.From(lines, options.TeamWindowGames);
        var rotations = RotationLog.From(lines, options.RotationWindowGames, options.RotationMinMinutes);
        var rows = new List<PlayerFeatures>(lines.Length);
        var season = new SeasonTotals(options.EwmaDecay);

        foreach (var player in lines.GroupBy(l => l.PlayerLookup, StringComparer.Ordinal))
        {
            var career = player.OrderBy(l => l.GameDate).ToArray();
            var seasonStart = 0;
            season.Reset();
            for (var i = 0; i < career.Length; i++)
            {
                var game = career[i];
                var previous = i > 0 ? career[i - 1] : null;
                if (previous?.GameDate == game.GameDate)
                    throw new ArgumentException($"two different box scores for {new PlayerDate(game.PlayerLookup, game.GameDate)}", nameof(games));
                if (previous is not null && NbaSeason.StartYearOf(previous.GameDate) != NbaSeason.StartYearOf(game.GameDate))
                {
                    seasonStart = i;
                    season.Reset();
                }

                var values = new double[FeatureCatalog.Count];
                PlayerForm.Fill(values, career.AsSpan(seasonStart, i - seasonStart), season);
                FillRest(values, previous, game, options.MaxDaysRest);
                FillMatchup(values, game, teams);
                TeamContextFeatures.Fill(values, game, rotations);
                values[(int)Feature.Home] = game.Home ? 1 : 0;

                rows.Add(new PlayerFeatures(new PlayerDate(game.PlayerLookup, game.GameDate), game.GameId, game.Team, game.Opponent, values));
                season.Add(game);
            }
        }

        rows.Sort(static (a, b) => a.GameDate != b.GameDate
            ? a.GameDate.CompareTo(b.GameDate)
            : string.CompareOrdinal(a.PlayerLookup, b.PlayerLookup));
        return rows;
    }

    /// <summary>Rest counts from the previous game in any season; a player's first game has no rest to report.</summary>
    private static void FillRest(Span<double> values, BoxScore? previous, BoxScore game, int maxDaysRest)
    {
        if (previous is null)
        {
            values[(int)Feature.DaysRest] = double.NaN;
            values[(int)Feature.BackToBack] = double.NaN;
            return;
        }
        var days = Math.Min(game.GameDate.DayNumber - previous.GameDate.DayNumber, maxDaysRest);
        values[(int)Feature.DaysRest] = days;
        values[(int)Feature.BackToBack] = days == 1 ? 1 : 0;
    }

    /// <summary>The opponent's defence and both teams' pace, each relative to the league so far this season.</summary>
    private static void FillMatchup(Span<double> values, BoxScore game, TeamGameLog teams)
    {
        var league = teams.LeagueBefore(game.GameDate);
        var opponent = teams.TeamBefore(game.Opponent, game.GameDate);
        var team = teams.TeamBefore(game.Team, game.GameDate);

        values[(int)Feature.OpponentTwoPointAllowedRel] = Relative(opponent?.TwoPointAllowed, league?.TwoPointAllowed);
        values[(int)Feature.OpponentThreePointAllowedRel] = Relative(opponent?.ThreePointAllowed, league?.ThreePointAllowed);
        values[(int)Feature.OpponentFreeThrowAllowedRel] = Relative(opponent?.FreeThrowAllowed, league?.FreeThrowAllowed);
        values[(int)Feature.OpponentDefRatingRel] = Relative(opponent?.DefensiveRating, league?.DefensiveRating);
        values[(int)Feature.OpponentPaceRel] = Relative(opponent?.Pace, league?.Pace);
        values[(int)Feature.TeamPaceRel] = Relative(team?.Pace, league?.Pace);
        values[(int)Feature.OpponentReboundsAllowedRel] = Relative(opponent?.ReboundsAllowed, league?.ReboundsAllowed);
        values[(int)Feature.OpponentAssistsAllowedRel] = Relative(opponent?.AssistsAllowed, league?.AssistsAllowed);
    }

    private static double Relative(double? value, double? reference) =>
        value is { } v && reference is { } r && r > 0 ? v / r : double.NaN;
}
