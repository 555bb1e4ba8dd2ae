using StreamProcessor.Perf.Harness;

namespace StreamProcessor.Perf.Load;

/// <summary>
/// A process's resident set (VmRSS), split as the kernel counts it: anonymous memory (RssAnon: heaps, the GC's, DuckDB's,
/// native allocations) and file-backed pages (RssFile: the mapped binaries and libraries), in MB.
/// </summary>
public readonly record struct ResidentSet(double TotalMb, double AnonymousMb, double FilesMb)
{
    /// <summary>The resident set of process <paramref name="processId"/> now.</summary>
    public static ResidentSet Of(int processId)
    {
        var status = ProcessStatus.MemoryMegabytes(processId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ResidentSet(status.GetValueOrDefault("VmRSS", double.NaN), status.GetValueOrDefault("RssAnon", double.NaN),
            status.GetValueOrDefault("RssFile", double.NaN));
    }
}
