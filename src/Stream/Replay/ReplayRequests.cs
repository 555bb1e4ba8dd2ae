using System.Buffers;
using System.Globalization;
using System.Text.Json;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Market;

namespace StreamProcessor.Stream.Replay;

/// <summary>
/// Builds the messages a replay feeds the pipeline, in the production message format, with a stable message id so a
/// rerun redelivers the same ids: per player with features on the day, one request per prop the books posted a line
/// for (the consensus line and its mean prices), and, when asked (or when no lines are loaded at all), a points request
/// at the synthetic line for a player without a real one.
/// </summary>
public static class ReplayRequests
{
    public sealed record Built(IReadOnlyList<SourceMessage> Messages, IReadOnlyList<string> SkippedNoLine, int RealLines, int SyntheticLines, int NoRealLine);

    public static (IReadOnlyList<SourceMessage> Messages, IReadOnlyList<string> SkippedNoLine) For(IEnumerable<PlayerFeatures> day)
    {
        var built = For(day, new Dictionary<(PlayerDate, PropType), MarketLine>(), synthetic: true);
        return (built.Messages, built.SkippedNoLine);
    }

    public static Built For(IEnumerable<PlayerFeatures> day, IReadOnlyDictionary<(PlayerDate Key, PropType Prop), MarketLine> lines, bool synthetic)
    {
        var messages = new List<SourceMessage>();
        var skipped = new List<string>();
        int real = 0, made = 0, without = 0;
        foreach (var features in day)
        {
            var any = false;
            foreach (var prop in PropTypes.All)
            {
                if (!lines.TryGetValue((features.Key, prop), out var market)) continue;
                any = true;
                real++;
                messages.Add(Message($"replay:{features.GameDate:yyyy-MM-dd}:{features.PlayerLookup}:{prop.Code()}", features, prop, market.Line,
                    (Math.Round(market.OverPrice, 1), Math.Round(market.UnderPrice, 1))));
            }
            if (any) continue;
            if (!synthetic)
            {
                without++;
                continue;
            }
            if (SyntheticLine.For(features) is not { } line)
            {
                skipped.Add(features.PlayerLookup);
                continue;
            }
            made++;
            messages.Add(Message($"replay:{features.GameDate:yyyy-MM-dd}:{features.PlayerLookup}", features, PropType.Points, line, null));
        }
        return new Built(messages, skipped, real, made, without);
    }

    /// <summary>The request's JSON, written field by field (a replay builds one per player and prop of every day).</summary>
    private static SourceMessage Message(string id, PlayerFeatures features, PropType prop, double line, (double Over, double Under)? prices)
    {
        var body = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("player_lookup", features.PlayerLookup);
            json.WriteString("game_date", features.GameDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("game_id", features.GameId);
            WriteArray(json, "line_values", line);
            if (prop != PropType.Points) json.WriteString("prop_type", prop.Code());
            if (prices is var (over, under))
            {
                WriteArray(json, "over_prices", over);
                WriteArray(json, "under_prices", under);
            }
            json.WriteEndObject();
        }
        return new SourceMessage(id, body.WrittenSpan.ToArray());
    }

    private static void WriteArray(Utf8JsonWriter json, string name, double value)
    {
        json.WriteStartArray(name);
        json.WriteNumberValue(value);
        json.WriteEndArray();
    }
}
