namespace StreamProcessor.Systems.Features;

/// <summary>Names, order and meaning of the features; the single source for columns, docs and the model's vector.</summary>
public static class FeatureCatalog
{
    /// <summary>
    /// Bumped whenever a feature's definition changes; stored with every feature row and prediction.
    /// v3.0 added the rebounds / assists / threes features and the team context (lineup) features.
    /// </summary>
    public const string Version = "v3.0";

    public static IReadOnlyList<Feature> All { get; } = Enum.GetValues<Feature>();

    public static int Count => All.Count;

    private static readonly (string Column, string Description)[] Info = Build();

    public static string ColumnName(this Feature feature) => Info[(int)feature].Column;

    public static string Description(this Feature feature) => Info[(int)feature].Description;

    public static Feature FromColumnName(string column) =>
        All.FirstOrDefault(f => f.ColumnName() == column, (Feature)(-1)) is var f && (int)f >= 0
            ? f
            : throw new ArgumentException($"unknown feature column '{column}'", nameof(column));

    private static (string, string)[] Build()
    {
        var info = new (string, string)[Enum.GetValues<Feature>().Length];
        void Set(Feature f, string column, string description) => info[(int)f] = (column, description);
        Set(Feature.PointsAvgLast3, "pts_avg_last3", "mean points, last 3 games this season (all of them when fewer)");
        Set(Feature.PointsAvgLast5, "pts_avg_last5", "mean points, last 5 games this season (all of them when fewer)");
        Set(Feature.PointsAvgLast10, "pts_avg_last10", "mean points, last 10 games this season (all of them when fewer)");
        Set(Feature.PointsAvgSeason, "pts_avg_season", "mean points, season to date");
        Set(Feature.PointsStdLast10, "pts_std_last10", "sample standard deviation (n-1) of points, last 10 games this season; needs 2 games");
        Set(Feature.PointsEwma, "pts_ewma", "exponentially weighted mean of points this season: the k-th most recent game weighs 0.9^k (newest k = 0), divided by the sum of the weights");
        Set(Feature.MinutesAvgLast5, "min_avg_last5", "mean minutes, last 5 games this season (all of them when fewer)");
        Set(Feature.MinutesAvgLast10, "min_avg_last10", "mean minutes, last 10 games this season (all of them when fewer)");
        Set(Feature.MinutesAvgSeason, "min_avg_season", "mean minutes, season to date");
        Set(Feature.MinutesStdLast10, "min_std_last10", "sample standard deviation (n-1) of minutes, last 10 games this season; needs 2 games");
        Set(Feature.MinutesTrend, "min_trend", "mean minutes last 5 minus season mean minutes");
        Set(Feature.PointsPerMinuteSeason, "pts_per_min_season", "season points / season minutes");
        Set(Feature.PointsPerMinuteLast10, "pts_per_min_last10", "points / minutes summed over the last 10 games this season");
        Set(Feature.UsageSeason, "usage_season", "usage proxy (FGA + 0.44*FTA) per minute, season totals");
        Set(Feature.UsageLast10, "usage_last10", "usage proxy (FGA + 0.44*FTA) per minute, totals of the last 10 games this season");
        Set(Feature.ShareTwoPoint, "share_pts_2pt", "share of season points from two-point field goals, 2*(FG-3PM) / PTS");
        Set(Feature.ShareThreePoint, "share_pts_3pt", "share of season points from three-pointers");
        Set(Feature.ShareFreeThrow, "share_pts_ft", "share of season points from free throws");
        Set(Feature.FieldGoalPctSeason, "fg_pct_season", "field-goal percentage, season: FG / FGA as a fraction");
        Set(Feature.ThreePointPctSeason, "fg3_pct_season", "three-point percentage, season: 3PM / 3PA as a fraction");
        Set(Feature.FreeThrowPctSeason, "ft_pct_season", "free-throw percentage, season: FTM / FTA as a fraction");
        Set(Feature.ReboundsAvgLast10, "reb_avg_last10", "mean rebounds, last 10 games this season");
        Set(Feature.AssistsAvgLast10, "ast_avg_last10", "mean assists, last 10 games this season");
        Set(Feature.ThreesMadeAvgLast10, "fg3m_avg_last10", "mean threes made, last 10 games this season");
        Set(Feature.OpponentTwoPointAllowedRel, "opp_2pt_allowed_rel", "opponent's two-point points allowed per game over its last 15 games this season / the same over every team game of the season so far");
        Set(Feature.OpponentThreePointAllowedRel, "opp_3pt_allowed_rel", "opponent's three-point points allowed per game over its last 15 games this season / the same over every team game of the season so far");
        Set(Feature.OpponentFreeThrowAllowedRel, "opp_ft_allowed_rel", "opponent's free-throw points allowed per game over its last 15 games this season / the same over every team game of the season so far");
        Set(Feature.OpponentDefRatingRel, "opp_def_rating_rel", "opponent's points allowed per 100 opponent possessions (FGA + 0.44*FTA + TOV), summed over its last 15 games this season / the same over every team game of the season so far (below 1 = better defence)");
        Set(Feature.OpponentPaceRel, "opp_pace_rel", "possessions per game, the mean of both sides' estimates, in the opponent's last 15 games this season / the same over every team game of the season so far");
        Set(Feature.TeamPaceRel, "team_pace_rel", "possessions per game, the mean of both sides' estimates, in the last 15 games this season of the team the player plays for in this game / the same over every team game of the season so far");
        Set(Feature.DaysRest, "days_rest", "days since the player's previous game in any season, capped at 10; missing for his first game");
        Set(Feature.BackToBack, "back_to_back", "1 when the previous game was yesterday, else 0; missing with days_rest");
        Set(Feature.Home, "home", "1 at home");
        Set(Feature.GamesPlayed, "games_played", "games played before this one this season");
        Set(Feature.RecentForm, "recent_form", "mean points of the last 5 games this season / season mean - 1; missing when the season mean is 0");
        Set(Feature.ReboundsAvgLast5, "reb_avg_last5", "mean rebounds, last 5 games this season");
        Set(Feature.ReboundsAvgSeason, "reb_avg_season", "mean rebounds, season to date");
        Set(Feature.ReboundsEwma, "reb_ewma", "exponentially weighted mean of rebounds this season, weights as pts_ewma");
        Set(Feature.ReboundsStdLast10, "reb_std_last10", "sample standard deviation (n-1) of rebounds, last 10 games this season; needs 2 games");
        Set(Feature.AssistsAvgLast5, "ast_avg_last5", "mean assists, last 5 games this season");
        Set(Feature.AssistsAvgSeason, "ast_avg_season", "mean assists, season to date");
        Set(Feature.AssistsEwma, "ast_ewma", "exponentially weighted mean of assists this season, weights as pts_ewma");
        Set(Feature.AssistsStdLast10, "ast_std_last10", "sample standard deviation (n-1) of assists, last 10 games this season; needs 2 games");
        Set(Feature.ThreesMadeAvgLast5, "fg3m_avg_last5", "mean threes made, last 5 games this season");
        Set(Feature.ThreesMadeAvgSeason, "fg3m_avg_season", "mean threes made, season to date");
        Set(Feature.ThreesMadeEwma, "fg3m_ewma", "exponentially weighted mean of threes made this season, weights as pts_ewma");
        Set(Feature.ThreesMadeStdLast10, "fg3m_std_last10", "sample standard deviation (n-1) of threes made, last 10 games this season; needs 2 games");
        Set(Feature.MinutesEwma, "min_ewma", "exponentially weighted mean of minutes this season, weights as pts_ewma");
        Set(Feature.ReboundsPerMinuteSeason, "reb_per_min_season", "season rebounds / season minutes");
        Set(Feature.AssistsPerMinuteSeason, "ast_per_min_season", "season assists / season minutes");
        Set(Feature.OpponentReboundsAllowedRel, "opp_reb_allowed_rel", "rebounds the opponent allowed per game over its last 15 games this season / the same over every team game of the season so far");
        Set(Feature.OpponentAssistsAllowedRel, "opp_ast_allowed_rel", "assists the opponent allowed per game over its last 15 games this season / the same over every team game of the season so far");
        Set(Feature.AvailabilityLast10, "availability_last10", "share of his team's last 10 games this season (before this one) that the player played; missing before the team's first game");
        Set(Feature.GamesWithTeam, "games_with_team", "games the player played this season for the team he plays for in this game, before this one (0 right after a trade)");
        Set(Feature.RotationMinutesMissing, "rotation_min_missing", "LINEUP: minutes the team's usual rotation (players averaging 12+ minutes in its last 10 games) usually gives that are missing from tonight's lineup, teammates only: sum of minutes-per-game x (share of games played - 1 if in tonight's lineup else 0)");
        Set(Feature.RotationPointsMissing, "rotation_pts_missing", "LINEUP: the same as rotation_min_missing for points: the scoring missing teammates usually provide, less what returning ones add");
        Set(Feature.OpponentRotationPointsMissing, "opp_rotation_pts_missing", "LINEUP: rotation_pts_missing of the opponent (all of its players)");
        Set(Feature.ExpectedMinutes, "expected_min", "LINEUP: the player's minutes per game in the team's last 10 games (those he played) x the team's minutes scale: the rotation's usual minutes / the usual minutes of its players in tonight's lineup; at most 48");
        Set(Feature.PointsFreed, "pts_freed", "LINEUP: the player's points per game in the team's last 10 games (those he played) x (the team's points scale - 1): his share of the scoring missing players free (negative when returning players take some back)");
        Set(Feature.ReboundsFreed, "reb_freed", "LINEUP: pts_freed for rebounds");
        Set(Feature.AssistsFreed, "ast_freed", "LINEUP: pts_freed for assists");
        Set(Feature.ThreesFreed, "fg3m_freed", "LINEUP: pts_freed for threes made");
        return info;
    }
}
