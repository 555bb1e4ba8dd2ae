using System.Text.RegularExpressions;

namespace StreamProcessor.BigQueryStorageEmulator;

/// <summary>`projects/{p}/datasets/{d}/tables/{t}`, optionally followed by `/streams/{s}`.</summary>
public sealed partial record TableName(string Project, string Dataset, string Table)
{
    public string Path => $"projects/{Project}/datasets/{Dataset}/tables/{Table}";

    public static bool TryParse(string text, out TableName? table, out string? stream)
    {
        var m = Pattern().Match(text);
        table = m.Success ? new TableName(m.Groups["p"].Value, m.Groups["d"].Value, m.Groups["t"].Value) : null;
        stream = m.Success && m.Groups["s"].Success ? m.Groups["s"].Value : null;
        return m.Success;
    }

    [GeneratedRegex(@"^projects/(?<p>[^/]+)/datasets/(?<d>[^/]+)/tables/(?<t>[^/]+)(/streams/(?<s>[^/]+))?$")]
    private static partial Regex Pattern();
}
