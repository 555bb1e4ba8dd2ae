namespace StreamProcessor.Stream.Pipeline;

/// <summary>Requests on their way from the feature loads to the write batch: counted up as they are let through, down as they arrive.</summary>
internal sealed class RequestsOnTheirWay
{
    private long _count;

    public void LetThrough(int requests) => Interlocked.Add(ref _count, requests);

    /// <summary>One arrived; returns how many are still on their way.</summary>
    public long Arrived() => Interlocked.Decrement(ref _count);
}
