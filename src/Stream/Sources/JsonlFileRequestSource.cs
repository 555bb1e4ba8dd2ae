using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;

namespace StreamProcessor.Stream.Sources;

/// <summary>
/// Requests in the production message format, one JSON object per line. A line's message id is
/// <c>file-name:line-number</c>, so a rerun over the same file redelivers the same ids.
/// Blank lines are skipped; any other line, however broken, is delivered (and dead-lettered downstream).
/// </summary>
public sealed class JsonlFileRequestSource(string path) : IRequestSource
{
    private readonly ConcurrentDictionary<string, byte> _acknowledged = new();

    public IReadOnlyCollection<string> Acknowledged => _acknowledged.Keys.ToArray();

    public async IAsyncEnumerable<SourceMessage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return new SourceMessage($"{name}:{lineNumber}", Encoding.UTF8.GetBytes(line));
        }
    }

    public Task AcknowledgeAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        foreach (var id in messageIds) _acknowledged.TryAdd(id, 0);
        return Task.CompletedTask;
    }

    /// <summary>A file is re-read from its start by the next run, which delivers what was never acknowledged.</summary>
    public Task NackAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken) => Task.CompletedTask;
}
