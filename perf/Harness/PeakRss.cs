namespace StreamProcessor.Perf.Harness;

/// <summary>The process's peak resident set (VmHWM), which is why every scale runs in a process of its own.</summary>
public static class PeakRss
{
    public static double Megabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return double.Parse(line["VmHWM:".Length..].Replace("kB", "").Trim(), System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        return double.NaN;
    }
}
