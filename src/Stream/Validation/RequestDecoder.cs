using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Stream.Validation;

/// <summary>
/// Turns a raw message in the production format
/// (<c>{"player_lookup", "game_date", "game_id", "line_values"}</c>, optional <c>"prop_type"</c>: points (default),
/// rebounds, assists or threes; optional <c>"over_prices"</c> and <c>"under_prices"</c>: American odds, one per line) into a <see cref="PredictionRequest"/>,
/// or names exactly what is wrong with it. Never throws for bad input.
/// </summary>
public sealed partial class RequestDecoder(RequestValidationOptions options)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PlayerLookupPattern();

    [GeneratedRegex("^([0-9]{8})_([A-Z0-9]{3})_([A-Z0-9]{3})$")]
    private static partial Regex GameIdPattern();

    public DecodeResult Decode(SourceMessage message)
    {
        if (options.MaxDeliveryAttempts > 0 && message.DeliveryAttempt > options.MaxDeliveryAttempts)
            return DecodeResult.Invalid(RejectReasons.MaxDeliveryAttempts, $"delivered {message.DeliveryAttempt} times; the limit is {options.MaxDeliveryAttempts} (validation.max_delivery_attempts)");
        if (message.Data.Length > options.MaxPayloadBytes)
            return DecodeResult.Invalid(RejectReasons.PayloadTooLarge, $"payload is {message.Data.Length} bytes; the limit is {options.MaxPayloadBytes}");
        string text;
        try
        {
            text = StrictUtf8.GetString(message.Data.Span);
        }
        catch (DecoderFallbackException)
        {
            return DecodeResult.Invalid(RejectReasons.InvalidEncoding, "payload is not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, JsonOptions);
        }
        catch (JsonException e) when (e.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return DecodeResult.Invalid(RejectReasons.DuplicateField, $"a field appears twice: {e.Message}");
        }
        catch (JsonException e)
        {
            return DecodeResult.Invalid(RejectReasons.MalformedJson, $"not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return DecodeResult.Invalid(RejectReasons.NotAnObject, $"expected a JSON object, got {root.ValueKind.ToString().ToLowerInvariant()}");
            return DecodeObject(message.MessageId, root);
        }
    }

    private DecodeResult DecodeObject(string messageId, JsonElement root)
    {
        if (RequiredString(root, "player_lookup", out var player) is { } playerError) return playerError;
        if (player.Length == 0 || player.Length > options.MaxPlayerLookupLength || !PlayerLookupPattern().IsMatch(player))
            return DecodeResult.Invalid(RejectReasons.InvalidPlayerLookup,
                $"player_lookup must be a lower-case slug like \"lebron-james\" of 1-{options.MaxPlayerLookupLength} characters, got {Quote(player)}");

        if (RequiredString(root, "game_date", out var dateText) is { } dateError) return dateError;
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var gameDate))
            return DecodeResult.Invalid(RejectReasons.InvalidGameDate, $"game_date must be a real date as YYYY-MM-DD, got {Quote(dateText)}");
        if (gameDate < options.EarliestGameDate || gameDate > options.LatestGameDate)
            return DecodeResult.Invalid(RejectReasons.InvalidGameDate,
                $"game_date {dateText} is outside {options.EarliestGameDate:yyyy-MM-dd}..{options.LatestGameDate:yyyy-MM-dd}");

        if (RequiredString(root, "game_id", out var gameId) is { } gameIdError) return gameIdError;
        var match = GameIdPattern().Match(gameId);
        if (!match.Success)
            return DecodeResult.Invalid(RejectReasons.InvalidGameId, $"game_id must look like 20251108_LAL_GSW, got {Quote(gameId)}");
        if (match.Groups[1].Value != gameDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
            return DecodeResult.Invalid(RejectReasons.InvalidGameId, $"game_id {gameId} is not on game_date {dateText}");
        if (match.Groups[2].Value == match.Groups[3].Value)
            return DecodeResult.Invalid(RejectReasons.InvalidGameId, $"game_id {gameId} has the same team home and away");

        if (!root.TryGetProperty("line_values", out var lines))
            return DecodeResult.Invalid(RejectReasons.MissingField, "line_values is missing");
        if (lines.ValueKind != JsonValueKind.Array)
            return DecodeResult.Invalid(RejectReasons.WrongType, $"line_values must be an array of numbers, got {lines.ValueKind.ToString().ToLowerInvariant()}");
        var count = lines.GetArrayLength();
        if (count == 0 || count > options.MaxLineValues)
            return DecodeResult.Invalid(RejectReasons.InvalidLine, $"line_values must hold 1-{options.MaxLineValues} lines, got {count}");
        var values = new List<double>(count);
        foreach (var line in lines.EnumerateArray())
        {
            if (line.ValueKind != JsonValueKind.Number)
                return DecodeResult.Invalid(RejectReasons.WrongType, $"line_values must hold numbers, got {line.ValueKind.ToString().ToLowerInvariant()} {Quote(line.GetRawText())}");
            if (!line.TryGetDouble(out var value) || !double.IsFinite(value) || value <= 0 || value > options.MaxLineValue)
                return DecodeResult.Invalid(RejectReasons.InvalidLine, $"a line must be a number in (0, {options.MaxLineValue}], got {Quote(line.GetRawText())}");
            values.Add(value);
        }

        var prop = PropType.Points;
        if (root.TryGetProperty("prop_type", out var propElement) && propElement.ValueKind != JsonValueKind.Null)
        {
            if (propElement.ValueKind != JsonValueKind.String || !PropTypes.TryParse(propElement.GetString(), out prop))
                return DecodeResult.Invalid(RejectReasons.InvalidPropType,
                    $"prop_type must be one of {string.Join(", ", PropTypes.All.Select(p => p.Code()))}, got {Quote(propElement.GetRawText())}");
        }

        if (Prices(root, "over_prices", values.Count, out var overPrices) is { } overError) return overError;
        if (Prices(root, "under_prices", values.Count, out var underPrices) is { } underError) return underError;
        if ((overPrices is null) != (underPrices is null))
            return DecodeResult.Invalid(RejectReasons.InvalidPrice,
                $"over_prices and under_prices come together: got only {(overPrices is null ? "under_prices" : "over_prices")}");

        return DecodeResult.Valid(new PredictionRequest
        {
            OverPrices = overPrices,
            UnderPrices = underPrices,
            Prop = prop,
            RequestId = messageId,
            PlayerLookup = player,
            GameDate = gameDate,
            GameId = gameId,
            LineValues = values,
        });
    }

    /// <summary>Optional American odds aligned with the lines: as many as lines, finite, |odds| ≥ 100.</summary>
    private static DecodeResult? Prices(JsonElement root, string name, int lineCount, out IReadOnlyList<double>? prices)
    {
        prices = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
        if (element.ValueKind != JsonValueKind.Array)
            return DecodeResult.Invalid(RejectReasons.InvalidPrice, $"{name} must be an array of American odds, got {element.ValueKind.ToString().ToLowerInvariant()}");
        if (element.GetArrayLength() != lineCount)
            return DecodeResult.Invalid(RejectReasons.InvalidPrice, $"{name} must hold one price per line ({lineCount}), got {element.GetArrayLength()}");
        var list = new List<double>(lineCount);
        foreach (var price in element.EnumerateArray())
        {
            if (price.ValueKind != JsonValueKind.Number || !price.TryGetDouble(out var odds) || !Systems.Market.AmericanOdds.IsValid(odds))
                return DecodeResult.Invalid(RejectReasons.InvalidPrice, $"{name} must hold American odds (finite, |odds| >= 100, e.g. -110 or 125), got {Quote(price.GetRawText())}");
            list.Add(odds);
        }
        prices = list;
        return null;
    }

    private static DecodeResult? RequiredString(JsonElement root, string name, out string value)
    {
        value = "";
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
            return DecodeResult.Invalid(RejectReasons.MissingField, $"{name} is missing");
        if (element.ValueKind != JsonValueKind.String)
            return DecodeResult.Invalid(RejectReasons.WrongType, $"{name} must be a string, got {element.ValueKind.ToString().ToLowerInvariant()}");
        value = element.GetString()!;
        return null;
    }

    /// <summary>Quotes a bad value for a message, bounded and with control characters made visible.</summary>
    private static string Quote(string value)
    {
        const int max = 80;
        var shown = value.Length > max ? value[..max] + "…" : value;
        var escaped = new StringBuilder(shown.Length + 2).Append('"');
        foreach (var c in shown) escaped.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        return escaped.Append('"').ToString();
    }
}
