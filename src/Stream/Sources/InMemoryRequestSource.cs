using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;

namespace StreamProcessor.Stream.Sources;

/// <summary>A fixed list of messages, as replay builds them; remembers which were acknowledged.</summary>
public sealed class InMemoryRequestSource(IReadOnlyList<SourceMessage> messages) : IRequestSource
{
    private readonly ConcurrentDictionary<string, byte> _acknowledged = new();

    public static InMemoryRequestSource FromJson(IEnumerable<(string MessageId, string Json)> messages) =>
        new(messages.Select(m => new SourceMessage(m.MessageId, Encoding.UTF8.GetBytes(m.Json))).ToArray());

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
}
