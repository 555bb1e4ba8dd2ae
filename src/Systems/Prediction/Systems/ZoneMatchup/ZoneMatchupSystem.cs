using StreamProcessor.Systems.Features;

namespace StreamProcessor.Systems.Prediction.Systems.ZoneMatchup;

/// <summary>
/// <c>zone_matchup_v1</c>: the season points average split into zones by the player's shares
/// (share_pts_2pt / 3pt / ft, renormalised to sum to 1), each zone scaled by how much the opponent
/// allows in it (opp_*_allowed_rel, shrunk toward 1; a missing factor counts as 1), summed, then blended
/// with the last-10 average: by default 70 % zone-adjusted season, 30 % last-10 (season alone when the
/// last-10 average is missing).
/// </summary>
/// <remarks>
/// <para>Other props have one "zone": the season average scaled by the opponent's allowed-rate of that statistic
/// (opp_reb_allowed_rel, opp_ast_allowed_rel, opp_3pt_allowed_rel; shrunk the same way), blended with the last 10.</para>
/// <para>ExpectedError = sqrt(2/π) × the prop's std over the last 10 games, or 30 % of the prediction when unknown;
/// at least the prop's minimum (1 point).</para>
/// <para>Fails with <see cref="FailureReason.MissingFeatures"/> without the season average or (points) any of the three shares.</para>
/// </remarks>
public sealed class ZoneMatchupSystem : IPredictionSystem
{
    private static readonly Feature[] Required =
        [Feature.PointsAvgSeason, .. ScoringZone.All.Select(z => z.Share)];

    private readonly ZoneMatchupOptions _options;

    public ZoneMatchupSystem(ZoneMatchupOptions? options = null)
    {
        _options = options ?? new ZoneMatchupOptions();
        _options.Validate();
    }

    public string Id => SystemIds.ZoneMatchup;

    public SystemResult Predict(PredictionInput input)
    {
        var stat = PropStat.Of(input.Request.Prop);
        if (stat.Prop != Domain.PropType.Points) return PredictSingleZone(input.Features, stat);
        var features = input.Features;
        var missing = Required.Where(f => !features.Has(f)).ToArray();
        if (missing.Length > 0)
            return Failure($"missing {string.Join(", ", missing.Select(f => f.ColumnName()))}");

        var shareSum = ScoringZone.All.Sum(z => features[z.Share]);
        if (!(shareSum > 0))
            return Failure($"zone shares sum to {shareSum}: no scoring split to adjust");

        var season = features[Feature.PointsAvgSeason];
        double zoneAdjusted = 0;
        foreach (var zone in ScoringZone.All)
            zoneAdjusted += season * (features[zone.Share] / shareSum) * Factor(features[zone.OpponentAllowedRel]);
        return Blend(features, stat, zoneAdjusted);
    }

    private SystemResult PredictSingleZone(PlayerFeatures features, PropStat stat)
    {
        if (!features.Has(stat.Season)) return Failure($"missing {stat.Season.ColumnName()}");
        return Blend(features, stat, features[stat.Season] * Factor(features[stat.OpponentAllowedRel]));
    }

    private SystemPrediction Blend(PlayerFeatures features, PropStat stat, double adjusted)
    {
        var predicted = adjusted;
        if (features.Has(stat.Last10) && _options.RecentWeight > 0)
            predicted = (_options.ZoneAdjustedSeasonWeight * adjusted + _options.RecentWeight * features[stat.Last10])
                        / (_options.ZoneAdjustedSeasonWeight + _options.RecentWeight);
        return new SystemPrediction
        {
            SystemId = Id,
            PredictedPoints = predicted,
            ExpectedError = ScoringVariability.ExpectedError(features[stat.StdLast10], predicted, stat.MinExpectedError),
        };
    }

    private double Factor(double allowedRel) =>
        double.IsNaN(allowedRel) ? 1 : Math.Max(0, 1 + (1 - _options.ShrinkStrength) * (allowedRel - 1));

    private SystemFailure Failure(string message) =>
        new() { SystemId = Id, Reason = FailureReason.MissingFeatures, Message = message };
}
