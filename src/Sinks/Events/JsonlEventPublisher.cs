namespace StreamProcessor.Sinks.Events;

/// <summary>Appends one JSON line per completion event to a file (flushed before the call returns).</summary>
public sealed class JsonlEventPublisher(string path) : IEventPublisher
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task PublishAsync(IReadOnlyList<CompletionEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return;
        var lines = string.Concat(events.Select(e => CompletionEventJson.Serialize(e) + "\n"));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            await using var writer = new StreamWriter(file);
            await writer.WriteAsync(lines.AsMemory(), cancellationToken);
            await writer.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }
}
