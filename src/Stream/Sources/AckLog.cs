using System.Text;

namespace StreamProcessor.Stream.Sources;

/// <summary>
/// The durable record of which message ids have been acknowledged: an append-only file of ids, one per
/// line, flushed to disk before <see cref="Append"/> returns. A source consults it so that, as with
/// Pub/Sub, an acknowledged message is never delivered again and an unacknowledged one always is, even
/// after a crash. A torn last line (a crash mid-append) is ignored: that message is simply redelivered.
/// </summary>
public sealed class AckLog : IDisposable
{
    private readonly HashSet<string> _acknowledged = new(StringComparer.Ordinal);
    private readonly FileStream _file;
    private readonly object _gate = new();

    private AckLog(FileStream file) => _file = file;

    public string Path => _file.Name;

    public static AckLog Open(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var log = new AckLog(file);
        using (var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            var text = reader.ReadToEnd();
            var complete = text.LastIndexOf('\n') + 1; // everything after the last newline is a torn write
            foreach (var id in text[..complete].Split('\n', StringSplitOptions.RemoveEmptyEntries)) log._acknowledged.Add(id);
            file.SetLength(Encoding.UTF8.GetByteCount(text.AsSpan(0, complete)));
        }
        file.Seek(0, SeekOrigin.End);
        return log;
    }

    public int Count
    {
        get { lock (_gate) return _acknowledged.Count; }
    }

    public bool IsAcknowledged(string messageId)
    {
        lock (_gate) return _acknowledged.Contains(messageId);
    }

    public void Append(IReadOnlyList<string> messageIds)
    {
        lock (_gate)
        {
            var fresh = messageIds.Where(id => !_acknowledged.Contains(id)).Distinct().ToArray();
            if (fresh.Length == 0) return;
            if (fresh.Any(id => id.Contains('\n'))) throw new ArgumentException("a message id cannot contain a newline", nameof(messageIds));
            _file.Write(Encoding.UTF8.GetBytes(string.Concat(fresh.Select(id => id + "\n"))));
            _file.Flush(flushToDisk: true);
            foreach (var id in fresh) _acknowledged.Add(id);
        }
    }

    public void Dispose() => _file.Dispose();
}
