namespace StreamProcessor.Perf.Harness;

/// <summary>
/// The most memory the .NET GC had committed while a run went, sampled every 100 ms: beside the process's peak RSS it
/// tells the managed part (requests, batches, predictions in flight) from the native one (DuckDB's buffers and indexes).
/// </summary>
public sealed class PeakManagedHeap : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public PeakManagedHeap()
    {
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }

    public double Megabytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak) / (1024.0 * 1024.0);
        }
    }

    private void Sample()
    {
        var committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
        long seen;
        while (committed > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, committed, seen) != seen) { }
    }

    public void Dispose() => _timer.Dispose();
}
