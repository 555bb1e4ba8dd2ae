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
                    new Dictionary<string, object> { ["over_prices"] = new[] { Math.Round(market.OverPrice, 1) }, ["under_prices"] = new[] { Math.Round(market.UnderPrice, 1) } }));
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

    private static SourceMessage Message(string id, PlayerFeatures features, PropType prop, double line, Dictionary<string, object>? prices)
    {
        var body = new Dictionary<string, object>
        {
            ["player_lookup"] = features.PlayerLookup,
            ["game_date"] = features.GameDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["game_id"] = features.GameId,
            ["line_values"] = new[] { line },
        };
        if (prop != PropType.Points) body["prop_type"] = prop.Code();
        if (prices is not null) foreach (var (k, v) in prices) body[k] = v;
        return new SourceMessage(id, JsonSerializer.SerializeToUtf8Bytes(body));
    }
}
