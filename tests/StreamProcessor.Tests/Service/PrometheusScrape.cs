using System.Globalization;
using System.Text.RegularExpressions;

namespace StreamProcessor.Tests.Service;

/// <summary>One scrape of /metrics in the Prometheus text format: every sample by series, and the metric families named.</summary>
public sealed partial class PrometheusScrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    private readonly HashSet<string> _families = [];

    /// <summary>Every name a query may use: each series' name, and each family's (a histogram's base name) from its # TYPE line.</summary>
    public IReadOnlyCollection<string> SeriesNames => _samples.Select(s => s.Name).Concat(_families).ToHashSet();

    public string Text { get; private init; } = "";

    [GeneratedRegex("""^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)(\s+\d+)?$""")]
    private static partial Regex Sample();

    [GeneratedRegex("""([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)""")]
    private static partial Regex Label();

    /// <summary>What a scrape of <paramref name="registry"/> would serve, without the HTTP.</summary>
    public static async Task<PrometheusScrape> OfAsync(Prometheus.CollectorRegistry registry)
    {
        using var text = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(text);
        return Parse(System.Text.Encoding.UTF8.GetString(text.ToArray()));
    }

    public static PrometheusScrape Parse(string text)
    {
        var scrape = new PrometheusScrape { Text = text };
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal)) scrape._families.Add(line.Split(' ')[2]);
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var match = Sample().Match(line);
            Assert.True(match.Success, $"not a Prometheus sample line: {line}");
            var labels = Label().Matches(match.Groups[3].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            scrape._samples.Add((match.Groups[1].Value, labels, Value(match.Groups[4].Value)));
        }
        return scrape;
    }

    private static double Value(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    /// <summary>The sum over every series of <paramref name="name"/> whose labels include <paramref name="labels"/> (k=v pairs).</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) => _samples
        .Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
        .Sum(s => s.Value);

    public bool Has(string name, params (string Key, string Value)[] labels) => _samples
        .Any(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value));

    public IEnumerable<(Dictionary<string, string> Labels, double Value)> Series(string name) =>
        _samples.Where(s => s.Name == name).Select(s => (s.Labels, s.Value));
}
