namespace StreamProcessor.Perf.Load;

/// <summary>A process's resident set (VmRSS) and its anonymous (RssAnon) and file-backed (RssFile) parts, in MB.</summary>
public readonly record struct ResidentSet(double TotalMb, double AnonymousMb, double FilesMb);
