using StreamProcessor.Stream.Pipeline.Observability;

namespace StreamProcessor.Perf.Harness;

/// <summary>Keeps every request's end-to-end time (received → written, published, acknowledged) for percentiles.</summary>
public sealed class LatencyRecorder : IPipelineObserver
{
    private readonly List<double> _milliseconds = [];

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
