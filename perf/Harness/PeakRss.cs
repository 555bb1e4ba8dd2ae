namespace StreamProcessor.Perf.Harness;

/// <summary>The process's peak resident set (VmHWM), which is why every scale runs in a process of its own.</summary>
public static class PeakRss
{
    public static double Megabytes() => ProcessStatus.MemoryMegabytes("self").GetValueOrDefault("VmHWM", double.NaN);
}
