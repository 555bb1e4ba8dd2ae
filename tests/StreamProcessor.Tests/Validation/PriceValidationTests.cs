using System.Text;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Stream.Validation;

namespace StreamProcessor.Tests.Validation;

public class PriceValidationTests
{
    private static readonly RequestDecoder Decoder = new(new RequestValidationOptions());

    private static DecodeResult Decode(string prices) => Decoder.Decode(new SourceMessage("m-1", Encoding.UTF8.GetBytes(
        $$"""{"player_lookup": "lebron-james", "game_date": "2025-11-08", "game_id": "20251108_LAL_GSW", "line_values": [25.5, 26.5]{{prices}}}""")));

    [Fact]
    public void Prices_aligned_with_the_lines_are_carried_on_the_request()
    {
        var result = Decode(""", "over_prices": [-110, 125], "under_prices": [-110, -150]""");

        Assert.True(result.IsValid, result.Message);
        Assert.Equal([-110.0, 125.0], result.Request!.OverPrices);
        Assert.Equal([-110.0, -150.0], result.Request.UnderPrices);
    }

    [Fact]
    public void A_request_without_prices_has_none()
    {
        var result = Decode("");

        Assert.True(result.IsValid, result.Message);
        Assert.Null(result.Request!.OverPrices);
        Assert.Null(result.Request.UnderPrices);
    }

    [Theory]
    [InlineData(""", "over_prices": [-110], "under_prices": [-110, -110]""", "one price per line")]            // fewer prices than lines
    [InlineData(""", "over_prices": [-110, -110, 100], "under_prices": [-110, -110]""", "one price per line")] // more
    [InlineData(""", "over_prices": [-110, 99], "under_prices": [-110, -110]""", "|odds| >= 100")]            // no American price in (-100, 100)
    [InlineData(""", "over_prices": [-110, -50], "under_prices": [-110, -110]""", "|odds| >= 100")]
    [InlineData(""", "over_prices": [-110, 0], "under_prices": [-110, -110]""", "|odds| >= 100")]
    [InlineData(""", "over_prices": [-110, 1e400], "under_prices": [-110, -110]""", "|odds| >= 100")]          // not finite
    [InlineData(""", "over_prices": [-110, "-110"], "under_prices": [-110, -110]""", "|odds| >= 100")]       // a string
    [InlineData(""", "over_prices": -110, "under_prices": [-110, -110]""", "array")]
    [InlineData(""", "over_prices": [-110, -110]""", "come together")]                                        // one side only
    [InlineData(""", "under_prices": [-110, -110]""", "come together")]
    public void Bad_prices_are_rejected_as_invalid_price_saying_what_is_wrong(string prices, string says)
    {
        var result = Decode(prices);

        Assert.False(result.IsValid);
        Assert.Equal(RejectReasons.InvalidPrice, result.ReasonCode);
        Assert.Contains(says, result.Message);
    }
}
