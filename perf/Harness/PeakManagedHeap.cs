namespace StreamProcessor.Perf.Harness;

/// <summary>
/// The most memory the .NET GC had committed while a run went, sampled every 100 ms: beside the process's peak RSS it
/// tells the managed part (requests, batches, predictions in flight) from the native one (DuckDB's buffers and indexes).
/// </summary>
/// <remarks>
/// The GC reports what it has committed as of its last collection, so a run that ends before the first one (a cold day
/// on a machine whose gen0 budget holds all of it) would read 0: the bytes allocated so far are counted too, as the
/// heap holds at least those.
/// </remarks>
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
            return Harness.Megabytes.Of(Interlocked.Read(ref _peak));
        }
    }

    private void Sample()
    {
        var committed = Math.Max(GC.GetGCMemoryInfo().TotalCommittedBytes, GC.GetTotalMemory(forceFullCollection: false));
        long seen;
        while (committed > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, committed, seen) != seen) { }
    }

    public void Dispose() => _timer.Dispose();
}
