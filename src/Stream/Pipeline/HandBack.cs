using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Stream.Sources;

namespace StreamProcessor.Stream.Pipeline;

/// <summary>
/// What every failure path does with a batch it could not finish: reports it, leaves it unacknowledged and
/// hands it back to the source (a nack), so the source delivers it again instead of stranding it until a restart.
/// </summary>
internal static class HandBack
{
    public static async Task BatchAsync(IRequestSource source, IReadOnlyList<string> messageIds, string stage, Exception error, IPipelineObserver observer)
    {
        try
        {
            // Not the run's token: a batch abandoned at the drain deadline is still handed back.
            await source.NackAsync(messageIds, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The messages stay unacknowledged either way: the transport redelivers them after its own deadline.
            observer.OperationFailed("nack", e);
        }
        // Reported once the source has them back: the report frees their places among the requests in flight.
        observer.RequestsUnacknowledged(messageIds.Count, error);
        observer.RequestsHandedBack(messageIds.Count, stage, error);
    }
}
