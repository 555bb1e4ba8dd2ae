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
/// <para>Confidence = 100 × (0.4 × sample + 0.4 × consistency + 0.2 × coverage), clamped to 0-100, where
/// sample = games_played / 20 (capped at 1; 0 when unknown),
/// consistency = 1 − pts_std_last10 / max(season average, 1) (clamped to 0-1; 0.5 when unknown), and
/// coverage = the share of the three opponent zone factors that are known.</para>
/// <para>ExpectedError = sqrt(2/π) × pts_std_last10, or 30 % of the prediction when unknown; at least 1 point.</para>
/// <para>Fails with <see cref="FailureReason.MissingFeatures"/> without the season average or any of the three shares.</para>
/// </remarks>
public sealed class ZoneMatchupSystem : IPredictionSystem
{
    private const double SampleShare = 0.4;
    private const double ConsistencyShare = 0.4;
    private const double CoverageShare = 0.2;

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
        var features = input.Features;
        var missing = Required.Where(f => !features.Has(f)).ToArray();
        if (missing.Length > 0)
            return Failure($"missing {string.Join(", ", missing.Select(f => f.ColumnName()))}");

        var shareSum = ScoringZone.All.Sum(z => features[z.Share]);
        if (!(shareSum > 0))
            return Failure($"zone shares sum to {shareSum}: no scoring split to adjust");

        var season = features[Feature.PointsAvgSeason];
        double zoneAdjusted = 0;
        var known = 0;
        foreach (var zone in ScoringZone.All)
        {
            var rel = features[zone.OpponentAllowedRel];
            if (!double.IsNaN(rel)) known++;
            zoneAdjusted += season * (features[zone.Share] / shareSum) * Factor(rel);
        }

        var predicted = zoneAdjusted;
        if (features.Has(Feature.PointsAvgLast10) && _options.RecentWeight > 0)
            predicted = (_options.ZoneAdjustedSeasonWeight * zoneAdjusted + _options.RecentWeight * features[Feature.PointsAvgLast10])
                        / (_options.ZoneAdjustedSeasonWeight + _options.RecentWeight);

        var spread = features[Feature.PointsStdLast10];
        var coverage = known / (double)ScoringZone.All.Count;
        var confidence = 100 * (SampleShare * ScoringVariability.Sample(features)
                                + ConsistencyShare * ScoringVariability.Consistency(spread, season)
                                + CoverageShare * coverage);

        return new SystemPrediction
        {
            SystemId = Id,
            PredictedPoints = predicted,
            Confidence = ConfidenceScore.Clamp(confidence),
            ExpectedError = ScoringVariability.ExpectedError(spread, predicted),
        };
    }

    private double Factor(double allowedRel) =>
        double.IsNaN(allowedRel) ? 1 : Math.Max(0, 1 + (1 - _options.ShrinkStrength) * (allowedRel - 1));

    private SystemFailure Failure(string message) =>
        new() { SystemId = Id, Reason = FailureReason.MissingFeatures, Message = message };
}
