using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Sinks.ExecutionLog;

/// <summary>
/// What makes two requests the same work for smart skip: player and date, prop, lines, feature version and model
/// version. A request the log holds with all of these equal was already predicted; any one different is new work.
/// </summary>
public readonly record struct ProcessedRequest(PlayerDate Key, PropType Prop, string Lines, string FeatureVersion, string? ModelVersion)
{
    public static string LinesKey(IEnumerable<double> lines) => lines is IReadOnlyList<double> { Count: 1 } one
        ? Format(one[0]) // nearly every request has one line, and every request and every log row read needs its key
        : string.Join(',', lines.Distinct().Order().Select(Format));

    private static string Format(double line) => line.ToString("0.0###", System.Globalization.CultureInfo.InvariantCulture);
}
