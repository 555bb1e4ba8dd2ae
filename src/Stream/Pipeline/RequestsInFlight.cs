using StreamProcessor.Stream.Pipeline.Observability;

namespace StreamProcessor.Stream.Pipeline;

/// <summary>
/// How many requests the pipeline holds between reading them and their end (acknowledged as written, dead-lettered or
/// skipped, or handed back unacknowledged): the source is read only while a slot is free. The blocks' bounded
/// capacities count messages, and a batch is one message of up to thousands of requests, so without this the requests
/// in flight added up over every block's queue and batch (~13,000 in a 25x season replay: a managed peak of ~300 MB
/// and seconds of queueing per request), more than the writer needs waiting to stay busy.
/// </summary>
internal sealed class RequestsInFlight(int limit) : IPipelineObserver
{
    // No maximum count: an observer never throws, and a release beyond the limit would. Never disposed for the same
    // reason: a block that ends after the run has returned (a fault, an abandon) may still report a request's end.
    private readonly SemaphoreSlim _slots = new(limit);

    /// <summary>Takes a slot at once if one is free.</summary>
    public bool TryEnter() => _slots.Wait(0);

    /// <summary>Waits for a request to end and takes its slot.</summary>
    public Task EnterAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    /// <summary>A slot taken for a read that brought no request (the source ended).</summary>
    public void Return() => _slots.Release();

    public void RequestCompleted(TimeSpan endToEnd, int predictionsWritten, IReadOnlyList<string> systemsSucceeded) => _slots.Release();

    public void RequestDeadLettered(string reasonCode) => _slots.Release();

    public void RequestSkipped(string reason) => _slots.Release();

    public void RequestsUnacknowledged(int requests, Exception error)
    {
        if (requests > 0) _slots.Release(requests);
    }
}
