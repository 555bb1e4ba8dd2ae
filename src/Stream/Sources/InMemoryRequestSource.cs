using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace StreamProcessor.Stream.Sources;

/// <summary>A fixed list of messages, as replay builds them; remembers which were acknowledged.</summary>
public sealed class InMemoryRequestSource(IReadOnlyList<SourceMessage> messages) : IRequestSource
{
    private readonly ConcurrentDictionary<string, byte> _acknowledged = new();

    public IReadOnlyCollection<string> Acknowledged => _acknowledged.Keys.ToArray();

    public int Count => messages.Count;

    public async IAsyncEnumerable<SourceMessage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return message;
        }
        await Task.CompletedTask;
    }

    public Task AcknowledgeAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        foreach (var id in messageIds) _acknowledged.TryAdd(id, 0);
        return Task.CompletedTask;
    }

    /// <summary>Not redelivered within this run: the messages stay unacknowledged, and a rerun that rebuilds the same list delivers them.</summary>
    public Task NackAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken) => Task.CompletedTask;
}
