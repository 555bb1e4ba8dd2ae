using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace StreamProcessor.Stream.Sources;

/// <summary>
/// Requests in the production message format, one JSON object per line. A line's message id is
/// <c>file-name@path-hash:line-number</c> (<see cref="MessageId"/>): a rerun over the same file redelivers the same
/// ids, and two files of the same name in different folders never share one (each request's execution-log and
/// dead-letter rows are keyed by it). Blank lines are skipped; any other line, however broken, is delivered (and
/// dead-lettered downstream).
/// </summary>
public sealed class JsonlFileRequestSource(string path) : IRequestSource
{
    private readonly ConcurrentDictionary<string, byte> _acknowledged = new();

    public IReadOnlyCollection<string> Acknowledged => _acknowledged.Keys.ToArray();

    public async IAsyncEnumerable<SourceMessage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = MessagePrefix(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return new SourceMessage($"{prefix}:{lineNumber}", Encoding.UTF8.GetBytes(line));
        }
    }

    /// <summary>The message id of line <paramref name="lineNumber"/> of the file at <paramref name="path"/>.</summary>
    public static string MessageId(string path, int lineNumber) => $"{MessagePrefix(path)}:{lineNumber}";

    // The file's name for a reader, and 8 hex digits of the SHA-256 of its full path to tell same-named files apart.
    private static string MessagePrefix(string path) =>
        $"{Path.GetFileName(path)}@{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(path))))[..8]}";

    public Task AcknowledgeAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        foreach (var id in messageIds) _acknowledged.TryAdd(id, 0);
        return Task.CompletedTask;
    }

    /// <summary>A file is re-read from its start by the next run, which delivers what was never acknowledged.</summary>
    public Task NackAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken) => Task.CompletedTask;
}
