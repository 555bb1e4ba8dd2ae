using System.Text;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Stream.Validation;

namespace StreamProcessor.Tests.Validation;

public class RequestDecoderTests
{
    private static readonly RequestDecoder Decoder = new(new RequestValidationOptions());

    private static DecodeResult Decode(string json) => Decoder.Decode(new SourceMessage("m-1", Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void A_production_message_decodes_to_a_request()
    {
        var result = Decode("""{"player_lookup": "lebron-james", "game_date": "2025-11-08", "game_id": "20251108_LAL_GSW", "line_values": [25.5, 26.5]}""");

        Assert.True(result.IsValid, result.Message);
        Assert.Equal("lebron-james", result.Request!.PlayerLookup);
        Assert.Equal(new DateOnly(2025, 11, 8), result.Request.GameDate);
        Assert.Equal("20251108_LAL_GSW", result.Request.GameId);
        Assert.Equal([25.5, 26.5], result.Request.LineValues);
        Assert.Equal("m-1", result.Request.RequestId);
    }

    [Theory]
    [InlineData("""{"player_lookup": "lebron-james", "game_date": "2025-11-08", "game_id": "20251108_LAL_GSW", "line_values": [25.5]""", RejectReasons.MalformedJson)]
    [InlineData("[1,2,3]", RejectReasons.NotAnObject)]
    [InlineData("""{"game_date": "2025-11-08", "game_id": "20251108_LAL_GSW", "line_values": [25.5]}""", RejectReasons.MissingField)]
    [InlineData("""{"player_lookup": 42, "game_date": "2025-11-08", "game_id": "20251108_LAL_GSW", "line_values": [25.5]}""", RejectReasons.WrongType)]
    [InlineData("""{"player_lookup": "LeBron James", "game_date": "2025-11-08", "game_id": "20251108_LAL_GSW", "line_values": [25.5]}""", RejectReasons.InvalidPlayerLookup)]
    [InlineData("""{"player_lookup": "x'; DROP TABLE t; --", "game_date": "2025-11-08", "game_id": "20251108_LAL_GSW", "line_values": [25.5]}""", RejectReasons.InvalidPlayerLookup)]
    [InlineData("""{"player_lookup": "lebron-james", "game_date": "2025-02-30", "game_id": "20250230_LAL_GSW", "line_values": [25.5]}""", RejectReasons.InvalidGameDate)]
    [InlineData("""{"player_lookup": "lebron-james", "game_date": "1900-11-08", "game_id": "19001108_LAL_GSW", "line_values": [25.5]}""", RejectReasons.InvalidGameDate)]
    [InlineData("""{"player_lookup": "lebron-james", "game_date": "2025-11-08", "game_id": "20251109_LAL_GSW", "line_values": [25.5]}""", RejectReasons.InvalidGameId)]
    [InlineData("""{"player_lookup": "lebron-james", "game_date": "2025-11-08", "game_id": "LAL-GSW", "line_values": [25.5]}""", RejectReasons.InvalidGameId)]
    [InlineData("""{"player_lookup": "lebron-james", "game_date": "2025-11-08", "game_id": "20251108_LAL_GSW", "line_values": []}""", RejectReasons.InvalidLine)]
    [InlineData("""{"player_lookup": "lebron-james", "game_date": "2025-11-08", "game_id": "20251108_LAL_GSW", "line_values": [-3]}""", RejectReasons.InvalidLine)]
    [InlineData("""{"player_lookup": "lebron-james", "game_date": "2025-11-08", "game_id": "20251108_LAL_GSW", "line_values": [1e308]}""", RejectReasons.InvalidLine)]
    [InlineData("""{"player_lookup": "lebron-james", "game_date": "2025-11-08", "game_id": "20251108_LAL_GSW", "line_values": ["25.5"]}""", RejectReasons.WrongType)]
    [InlineData("""{"player_lookup": "lebron-james", "game_date": "2025-11-08", "game_id": "20251108_LAL_GSW", "line_values": 25.5}""", RejectReasons.WrongType)]
    [InlineData("""{"player_lookup": "lebron-james", "player_lookup": "other", "game_date": "2025-11-08", "game_id": "20251108_LAL_GSW", "line_values": [25.5]}""", RejectReasons.DuplicateField)]
    public void A_bad_message_is_rejected_with_a_specific_reason(string json, string reason)
    {
        var result = Decode(json);

        Assert.False(result.IsValid);
        Assert.Equal(reason, result.ReasonCode);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    [Fact]
    public void An_oversized_payload_is_rejected_before_it_is_parsed()
    {
        var result = Decode($$"""{"player_lookup": "{{new string('a', 20_000)}}"}""");

        Assert.Equal(RejectReasons.PayloadTooLarge, result.ReasonCode);
    }

    [Fact]
    public void Invalid_utf8_is_rejected()
    {
        var result = Decoder.Decode(new SourceMessage("m-2", new byte[] { 0x7b, 0xff, 0xfe, 0x7d }));

        Assert.Equal(RejectReasons.InvalidEncoding, result.ReasonCode);
    }

    [Fact]
    public void A_message_quotes_control_characters_visibly()
    {
        var result = Decode("{\"player_lookup\": \"bad\\u0000name\", \"game_date\": \"2025-11-08\", \"game_id\": \"20251108_LAL_GSW\", \"line_values\": [1]}");

        Assert.Equal(RejectReasons.InvalidPlayerLookup, result.ReasonCode);
        Assert.Contains("\\u0000", result.Message);
    }
}
