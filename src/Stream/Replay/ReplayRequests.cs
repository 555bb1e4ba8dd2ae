using System.Globalization;
using System.Text.Json;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Systems.Features;

namespace StreamProcessor.Stream.Replay;

/// <summary>
/// Builds the messages a replay feeds the pipeline: one per player with features on the day, in the
/// production message format, with a stable message id so a rerun redelivers the same ids.
/// </summary>
public static class ReplayRequests
{
    public static (IReadOnlyList<SourceMessage> Messages, IReadOnlyList<string> SkippedNoLine) For(IEnumerable<PlayerFeatures> day)
    {
        var messages = new List<SourceMessage>();
        var skipped = new List<string>();
        foreach (var features in day)
        {
            if (SyntheticLine.For(features) is not { } line)
            {
                skipped.Add(features.PlayerLookup);
                continue;
            }
            var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
            {
                ["player_lookup"] = features.PlayerLookup,
                ["game_date"] = features.GameDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["game_id"] = features.GameId,
                ["line_values"] = new[] { line },
            });
            messages.Add(new SourceMessage($"replay:{features.GameDate:yyyy-MM-dd}:{features.PlayerLookup}", payload));
        }
        return (messages, skipped);
    }
}
