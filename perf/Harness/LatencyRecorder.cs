using StreamProcessor.Stream.Pipeline.Observability;

namespace StreamProcessor.Perf.Harness;

/// <summary>
/// Keeps every request's end-to-end time (received → written, published, acknowledged) for percentiles, and the
/// time spent in each warehouse step, so a slow scale says where its time went.
/// </summary>
public sealed class LatencyRecorder : IPipelineObserver
{
    private readonly List<double> _milliseconds = [];
    private long _featureLoadTicks, _writeTicks, _publishTicks, _featureLoads, _writes, _publishes;

    public void FeaturesLoaded(int requests, TimeSpan duration) { Interlocked.Add(ref _featureLoadTicks, duration.Ticks); Interlocked.Increment(ref _featureLoads); }

    public void BatchWritten(int requests, int predictions, TimeSpan duration) { Interlocked.Add(ref _writeTicks, duration.Ticks); Interlocked.Increment(ref _writes); }

    public void EventsPublished(int events, TimeSpan duration) { Interlocked.Add(ref _publishTicks, duration.Ticks); Interlocked.Increment(ref _publishes); }

    /// <summary>Seconds summed over batches (concurrent batches overlap) and batch counts, per warehouse step.</summary>
    public IReadOnlyDictionary<string, double> StageSeconds => new SortedDictionary<string, double>
    {
        ["feature_load_s"] = Math.Round(TimeSpan.FromTicks(_featureLoadTicks).TotalSeconds, 2),
        ["feature_loads"] = _featureLoads,
        ["write_s"] = Math.Round(TimeSpan.FromTicks(_writeTicks).TotalSeconds, 2),
        ["writes"] = _writes,
        ["publish_s"] = Math.Round(TimeSpan.FromTicks(_publishTicks).TotalSeconds, 2),
        ["publishes"] = _publishes,
    };

    public void RequestCompleted(TimeSpan endToEnd, int predictionsWritten, IReadOnlyList<string> systemsSucceeded)
    {
        lock (_milliseconds) _milliseconds.Add(endToEnd.TotalMilliseconds);
    }

    public double Percentile(double p)
    {
        lock (_milliseconds)
        {
            if (_milliseconds.Count == 0) return 0;
            var sorted = _milliseconds.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }
}
