using System.Globalization;

namespace StreamProcessor.Perf.Harness;

/// <summary>A process's memory figures as the kernel reports them in <c>/proc/&lt;pid&gt;/status</c> (its kB lines), in MB.</summary>
internal static class ProcessStatus
{
    /// <param name="process">A process id, or <c>self</c>.</param>
    public static IReadOnlyDictionary<string, double> MemoryMegabytes(string process)
    {
        var figures = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines($"/proc/{process}/status"))
        {
            var colon = line.IndexOf(':');
            if (colon < 0 || !line.EndsWith(" kB", StringComparison.Ordinal)) continue;
            figures[line[..colon]] = double.Parse(line[(colon + 1)..^3].Trim(), CultureInfo.InvariantCulture) / 1024.0;
        }
        return figures;
    }
}
