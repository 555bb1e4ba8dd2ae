using System.Text;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Stream.Validation;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Tests.Validation;

public class PropTypeDecodingTests
{
    private static readonly RequestDecoder Decoder = new(new RequestValidationOptions());

    private static DecodeResult Decode(string propField) => Decoder.Decode(new SourceMessage("m-1", Encoding.UTF8.GetBytes(
        $$"""{"player_lookup": "lebron-james", "game_date": "2025-11-08", "game_id": "20251108_LAL_GSW", "line_values": [7.5]{{propField}}}""")));

    [Theory]
    [InlineData("", PropType.Points)]
    [InlineData(""", "prop_type": null""", PropType.Points)]
    [InlineData(""", "prop_type": "points" """, PropType.Points)]
    [InlineData(""", "prop_type": "rebounds" """, PropType.Rebounds)]
    [InlineData(""", "prop_type": "assists" """, PropType.Assists)]
    [InlineData(""", "prop_type": "threes" """, PropType.Threes)]
    public void Prop_type_is_optional_and_defaults_to_points(string field, PropType expected)
    {
        var result = Decode(field);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(expected, result.Request!.Prop);
    }

    [Theory]
    [InlineData(""", "prop_type": "steals" """)]
    [InlineData(""", "prop_type": "Points" """)]
    [InlineData(""", "prop_type": 3""")]
    public void An_unknown_prop_type_is_dead_lettered_with_its_own_reason(string field)
    {
        var result = Decode(field);

        Assert.False(result.IsValid);
        Assert.Equal(RejectReasons.InvalidPropType, result.ReasonCode);
        Assert.Contains("prop_type must be one of points, rebounds, assists, threes", result.Message);
    }
}
