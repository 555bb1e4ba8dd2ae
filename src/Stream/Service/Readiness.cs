using System.Collections.Concurrent;
using Prometheus;

namespace StreamProcessor.Stream.Service;

/// <summary>
/// What <c>/readyz</c> answers: ready only when every check has passed (the warehouse is open, the model is
/// loaded, the source is connected, the pipeline is running) and the process is not draining. Each check's state is also exported as
/// <c>stream_ready{check}</c>.
/// </summary>
public sealed class Readiness
{
    public const string Warehouse = "warehouse", Model = "model", Source = "source", Pipeline = "pipeline";
    public static readonly IReadOnlyList<string> Checks = [Warehouse, Model, Source, Pipeline];

    private readonly ConcurrentDictionary<string, string> _states = new(StringComparer.Ordinal);
    private readonly Gauge _gauge;
    private volatile bool _draining;

    public Readiness(CollectorRegistry registry)
    {
        _gauge = Metrics.WithCustomRegistry(registry).CreateGauge("stream_ready", "1 when a readiness check passes, by check (warehouse, model, source, pipeline).", "check");
        foreach (var check in Checks) Waiting(check, "not checked yet");
    }

    public bool IsReady => !_draining && Checks.All(c => _states[c] == "ok");

    /// <summary>Each check's state ("ok" or what it waits for), plus "draining" once a shutdown began.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        new SortedDictionary<string, string>(_states, StringComparer.Ordinal);

    public bool Draining => _draining;

    public void Passed(string check)
    {
        _states[check] = "ok";
        _gauge.WithLabels(check).Set(1);
    }

    public void Waiting(string check, string why)
    {
        _states[check] = why;
        _gauge.WithLabels(check).Set(0);
    }

    /// <summary>A shutdown began: not ready any more, whatever the checks say.</summary>
    public void StartDraining() => _draining = true;
}
