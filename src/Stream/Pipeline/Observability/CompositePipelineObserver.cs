using StreamProcessor.Systems.Domain;
namespace StreamProcessor.Stream.Pipeline.Observability;

/// <summary>Forwards every report to several observers (metrics and logs, say).</summary>
public sealed class CompositePipelineObserver(params IPipelineObserver[] observers) : IPipelineObserver
{
    public void RegisterQueue(string block, Func<int> depth, int boundedCapacity) { foreach (var o in observers) o.RegisterQueue(block, depth, boundedCapacity); }
    public void RequestReceived() { foreach (var o in observers) o.RequestReceived(); }
    public void RequestDeadLettered(string reasonCode) { foreach (var o in observers) o.RequestDeadLettered(reasonCode); }
    public void RequestCompleted(TimeSpan endToEnd, int predictionsWritten, IReadOnlyList<string> systemsSucceeded) { foreach (var o in observers) o.RequestCompleted(endToEnd, predictionsWritten, systemsSucceeded); }
    public void RequestSkipped(string reason) { foreach (var o in observers) o.RequestSkipped(reason); }
    public void RequestsUnacknowledged(int requests, Exception error) { foreach (var o in observers) o.RequestsUnacknowledged(requests, error); }
    public void RequestsHandedBack(int requests, string stage, Exception error) { foreach (var o in observers) o.RequestsHandedBack(requests, stage, error); }
    public void OperationFailed(string operation, Exception error) { foreach (var o in observers) o.OperationFailed(operation, error); }
    public void SourceFailed(Exception error) { foreach (var o in observers) o.SourceFailed(error); }
    public void SystemFinished(string systemId, SystemOutcomeKind outcome, string? reasonCode, TimeSpan duration) { foreach (var o in observers) o.SystemFinished(systemId, outcome, reasonCode, duration); }
    public void FeaturesLoaded(int requests, TimeSpan duration) { foreach (var o in observers) o.FeaturesLoaded(requests, duration); }
    public void BatchWritten(int requests, int predictions, TimeSpan duration) { foreach (var o in observers) o.BatchWritten(requests, predictions, duration); }
    public void EventsPublished(int events, TimeSpan duration) { foreach (var o in observers) o.EventsPublished(events, duration); }
    public void Retrying(string operation, int attempt, Exception error) { foreach (var o in observers) o.Retrying(operation, attempt, error); }
    public void BreakerStateChanged(string systemId, PropType prop, BreakerState state) { foreach (var o in observers) o.BreakerStateChanged(systemId, prop, state); }
}
