using Google.Cloud.PubSub.V1;
using Grpc.Core;
using StreamProcessor.Google.PubSub.Connection;

namespace StreamProcessor.Google.PubSub.Source;

/// <summary>
/// Acknowledge and ModifyAckDeadline as unary calls, chunked, retried on retryable codes. With exactly-once
/// delivery a success is Pub/Sub's confirmation; per-ack-id failures are sorted into transient (retried) and
/// permanent (returned: those messages will come again).
/// </summary>
internal sealed class AckDeadlines(Subscriber.SubscriberClient client, string subscription)
{
    private const int MaxIdsPerCall = 1000;
    private const int MaxAttempts = 5;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);

    /// <summary>Acknowledges; returns the ack ids Pub/Sub refused (with why).</summary>
    public Task<IReadOnlyDictionary<string, string>> AcknowledgeAsync(IReadOnlyList<string> ackIds, CancellationToken cancellationToken) =>
        CallAsync(ackIds, (ids, ct) => client.AcknowledgeAsync(new AcknowledgeRequest { Subscription = subscription, AckIds = { ids } }, cancellationToken: ct).ResponseAsync, cancellationToken);

    /// <summary>Sets the ack deadline (0 = nack: deliver again at once); returns the ack ids Pub/Sub refused.</summary>
    public Task<IReadOnlyDictionary<string, string>> ModifyAsync(IReadOnlyList<string> ackIds, int seconds, CancellationToken cancellationToken) =>
        CallAsync(ackIds, (ids, ct) => client.ModifyAckDeadlineAsync(new ModifyAckDeadlineRequest { Subscription = subscription, AckIds = { ids }, AckDeadlineSeconds = seconds }, cancellationToken: ct).ResponseAsync, cancellationToken);

    private static async Task<IReadOnlyDictionary<string, string>> CallAsync(
        IReadOnlyList<string> ackIds, Func<IReadOnlyList<string>, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in ackIds.Chunk(MaxIdsPerCall))
        {
            IReadOnlyList<string> pending = chunk;
            var backoff = FirstBackoff;
            for (var attempt = 1; pending.Count > 0; attempt++)
            {
                try
                {
                    await call(pending, cancellationToken);
                    pending = [];
                }
                catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
                {
                    var perId = AckErrors.PerAckId(e);
                    var retry = new List<string>();
                    foreach (var id in pending)
                    {
                        var code = perId is null ? (RetryableCodes.IsRetryable(e.StatusCode) ? "TRANSIENT_" + e.StatusCode : e.StatusCode + ": " + e.Status.Detail)
                            : perId.GetValueOrDefault(id);
                        if (code is null) continue; // this one succeeded
                        if (AckErrors.IsTransient(code) && attempt < MaxAttempts) retry.Add(id);
                        else refused[id] = code;
                    }
                    pending = retry;
                    if (pending.Count > 0)
                    {
                        await Task.Delay(backoff, cancellationToken);
                        backoff *= 2;
                    }
                }
            }
        }
        return refused;
    }
}
