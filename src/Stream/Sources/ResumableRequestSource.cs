using System.Runtime.CompilerServices;

namespace StreamProcessor.Stream.Sources;

/// <summary>
/// Gives a re-readable source (replay's requests, a JSONL file) Pub/Sub's delivery guarantee across
/// crashes: acknowledgements go to a durable <see cref="AckLog"/>, and a rerun delivers only what was
/// never acknowledged.
/// </summary>
public sealed class ResumableRequestSource(IRequestSource inner, AckLog log) : IRequestSource
{
    public int AlreadyAcknowledged { get; private set; }

    public async IAsyncEnumerable<SourceMessage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var message in inner.ReadAsync(cancellationToken))
        {
            if (log.IsAcknowledged(message.MessageId))
            {
                AlreadyAcknowledged++;
                continue;
            }
            yield return message;
        }
    }

    public async Task AcknowledgeAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        log.Append(messageIds);
        await inner.AcknowledgeAsync(messageIds, cancellationToken);
    }

    public Task NackAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken) =>
        inner.NackAsync(messageIds, cancellationToken);
}
