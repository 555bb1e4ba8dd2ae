namespace StreamProcessor.Sinks.Training;

/// <param name="BoxScores">Player-games in the range.</param>
/// <param name="Features">Feature rows in the range.</param>
/// <param name="OtherVersions">Feature rows anywhere in the warehouse built by another feature version.</param>
public sealed record FeatureCoverage(long BoxScores, long Features, long OtherVersions)
{
    /// <summary>Every player-game has a feature row and none is of an older version.</summary>
    public bool Complete => Features >= BoxScores && OtherVersions == 0;
}
