using StreamProcessor.Systems.Domain;

namespace StreamProcessor.Sinks.ExecutionLog;

/// <summary>A request the log says was already predicted: same player and date, same lines, same feature version.</summary>
public readonly record struct ProcessedRequest(PlayerDate Key, string Lines, string FeatureVersion)
{
    public static string LinesKey(IEnumerable<double> lines) =>
        string.Join(',', lines.Distinct().Order().Select(l => l.ToString("0.0###", System.Globalization.CultureInfo.InvariantCulture)));
}
