using System.Text;
using System.Text.Json;
using StreamProcessor.Stream.Replay;
using StreamProcessor.Stream.Validation;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Market;
using Xunit;

namespace StreamProcessor.Tests.Replay;

public class ReplayRequestsTests
{
    private static readonly DateOnly Day = new(2025, 2, 12);

    [Fact]
    public void A_replayed_request_is_the_production_message_and_decodes_to_its_line_and_prices()
    {
        var withLines = Player("pat-ace", pointsEwma: 21.7);
        var without = Player("sam-bell", pointsEwma: 9.2);
        var lines = new Dictionary<(PlayerDate, PropType), MarketLine>
        {
            [(withLines.Key, PropType.Points)] = new(22.5, -112.04, -108.96, 0.5, 3),
            [(withLines.Key, PropType.Rebounds)] = new(6.5, 101.0, -125.0, 0.45, 2),
        };

        var built = ReplayRequests.For([withLines, without], lines, synthetic: true);

        Assert.Equal(["replay:2025-02-12:pat-ace:points", "replay:2025-02-12:pat-ace:rebounds", "replay:2025-02-12:sam-bell"],
            built.Messages.Select(m => m.MessageId));
        // The same bytes production's serializer gave the documented fields, in their order.
        Assert.Equal(Json(new Dictionary<string, object>
            {
                ["player_lookup"] = "pat-ace", ["game_date"] = "2025-02-12", ["game_id"] = "20250212_ACE_BEA",
                ["line_values"] = new[] { 6.5 }, ["prop_type"] = "rebounds", ["over_prices"] = new[] { 101.0 }, ["under_prices"] = new[] { -125.0 },
            }),
            Encoding.UTF8.GetString(built.Messages[1].Data.Span));
        Assert.Equal(Json(new Dictionary<string, object>
            {
                ["player_lookup"] = "sam-bell", ["game_date"] = "2025-02-12", ["game_id"] = "20250212_ACE_BEA", ["line_values"] = new[] { 9.5 },
            }),
            Encoding.UTF8.GetString(built.Messages[2].Data.Span));

        var decoder = new RequestDecoder(new RequestValidationOptions());
        var points = decoder.Decode(built.Messages[0]).Request!;
        Assert.Equal(PropType.Points, points.Prop);
        Assert.Equal([22.5], points.LineValues);
        Assert.Equal([-112.0], points.OverPrices!);
        Assert.Equal([-109.0], points.UnderPrices!);
        var synthetic = decoder.Decode(built.Messages[2]).Request!;
        Assert.Equal([9.5], synthetic.LineValues);
        Assert.Null(synthetic.OverPrices);
    }

    private static string Json(Dictionary<string, object> body) => JsonSerializer.Serialize(body);

    private static PlayerFeatures Player(string lookup, double pointsEwma)
    {
        var values = new double[FeatureCatalog.Count];
        Array.Fill(values, double.NaN);
        values[(int)Feature.PointsEwma] = pointsEwma;
        return new PlayerFeatures(new PlayerDate(lookup, Day), "20250212_ACE_BEA", "Aces", "Bears", values);
    }
}
