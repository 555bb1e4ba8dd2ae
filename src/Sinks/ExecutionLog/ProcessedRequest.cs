using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Sinks.ExecutionLog;

/// <summary>
/// What makes two requests the same work for smart skip: player and date, prop, lines, feature version and model
/// version. A request the log holds with all of these equal was already predicted; any one different is new work.
/// </summary>
public readonly record struct ProcessedRequest(PlayerDate Key, PropType Prop, string Lines, string FeatureVersion, string? ModelVersion)
{
    public static string LinesKey(IEnumerable<double> lines) =>
        string.Join(',', lines.Distinct().Order().Select(l => l.ToString("0.0###", System.Globalization.CultureInfo.InvariantCulture)));
}
