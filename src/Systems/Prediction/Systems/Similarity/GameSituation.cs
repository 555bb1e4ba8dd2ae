using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;

namespace StreamProcessor.Systems.Prediction.Systems.Similarity;

/// <summary>
/// The four things the similarity system compares between two games, as ordinal categories so that
/// "one step away" is a distance of 1: tier elite(0) / average(1) / weak(2), form hot(0) / normal(1) / cold(2),
/// rest 0-1 days(0) / 2 days(1) / 3+ days(2).
/// </summary>
internal readonly record struct GameSituation(int Tier, int Form, int Rest, bool Home)
{
    public static GameSituation Tonight(PlayerFeatures features) =>
        new(TierRank(features.OpponentTier), FormRank(features.RecentFormCategory), RestBucket(features.DaysRest), features.IsHome);

    public static GameSituation Of(HistoricalGame game) =>
        new(TierRank(game.OpponentTier), FormRank(game.RecentForm), RestBucket(game.DaysRest), game.Home);

    public static int RestBucket(int daysRest) => daysRest <= 1 ? 0 : daysRest == 2 ? 1 : 2;

    private static int TierRank(OpponentTier tier) => tier switch
    {
        OpponentTier.Elite => 0,
        OpponentTier.Average => 1,
        _ => 2,
    };

    private static int FormRank(RecentForm form) => form switch
    {
        RecentForm.Hot => 0,
        RecentForm.Normal => 1,
        _ => 2,
    };
}
