using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace StreamProcessor.Stream.Sources;

/// <summary>
/// The embedded stand-in for a Pub/Sub subscription: a directory of <c>*.jsonl</c> files, one request per line,
/// read in file-name order and tailed while running (new files and appended lines are picked up). A line's
/// message id is <c>file-name:line-number</c>.
/// <para>
/// Acknowledgements are durable (<see cref="AckLog"/>): an acknowledged line is never delivered again. A line
/// delivered but not acknowledged is delivered again after a restart; within one run there is no ack deadline,
/// so each line is delivered once. Only complete lines (ending in a newline) are delivered, so a line being
/// appended is never read half-way. Spool files are append-only: their names and line numbers are the ids.
/// </para>
/// </summary>
public sealed class SpoolRequestSource : IRequestSource, IDisposable
{
    private static readonly TimeSpan StuckTailWarningAfter = TimeSpan.FromSeconds(10);

    private readonly AckLog _acks;
    private readonly TimeSpan _poll;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;

    private SpoolRequestSource(string directory, AckLog acks, TimeSpan poll, ILogger logger, TimeProvider clock)
    {
        Directory = directory;
        _acks = acks;
        _poll = poll;
        _logger = logger;
        _clock = clock;
    }

    public string Directory { get; }

    public string AckLogPath => _acks.Path;

    /// <summary>Creates the directory if needed and opens (or creates) the ack log.</summary>
    public static SpoolRequestSource Open(string directory, string ackLogPath, TimeSpan poll, ILogger? logger = null, TimeProvider? clock = null)
    {
        var full = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(full);
        return new SpoolRequestSource(full, AckLog.Open(ackLogPath), poll, logger ?? NullLogger.Instance, clock ?? TimeProvider.System);
    }

    public async IAsyncEnumerable<SourceMessage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, SpoolFile>(StringComparer.Ordinal);
        while (!cancellationToken.IsCancellationRequested)
        {
            var delivered = false;
            var listed = ListFiles();
            foreach (var (name, path) in listed)
            {
                if (!files.TryGetValue(name, out var file)) files[name] = file = new SpoolFile(path);
                foreach (var (lineNumber, line) in file.ReadNewLines(_clock.GetUtcNow()))
                {
                    if (cancellationToken.IsCancellationRequested) yield break;
                    var id = $"{name}:{lineNumber}";
                    if (_acks.IsAcknowledged(id)) continue;
                    delivered = true;
                    yield return new SourceMessage(id, line);
                }
                Warn(name, file);
            }
            foreach (var gone in files.Keys.Except(listed.Select(f => f.Name)).ToArray()) files.Remove(gone);
            if (delivered) continue;
            await Task.Delay(_poll, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Durably records the ids before returning. Done even when asked to stop: these messages were written.</summary>
    public Task AcknowledgeAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        _acks.Append(messageIds);
        return Task.CompletedTask;
    }

    /// <summary>Not redelivered within this run yet: the lines stay unacknowledged, and the next run delivers them.</summary>
    public Task NackAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _acks.Dispose();

    private List<(string Name, string Path)> ListFiles()
    {
        try
        {
            return System.IO.Directory.EnumerateFiles(Directory)
                .Select(path => (Name: Path.GetFileName(path), Path: path))
                .Where(f => f.Name.EndsWith(".jsonl", StringComparison.Ordinal) && !f.Name.Contains('\n'))
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("cannot list the spool directory {spool_directory}: {error}", Directory, e.Message);
            return [];
        }
    }

    private void Warn(string name, SpoolFile file)
    {
        if (file.ShrankUnreported())
            _logger.LogWarning("spool file {spool_file} is shorter than what was already read: spool files must only be appended to; its new content is ignored", name);
        if (file.TailIsStuck(_clock.GetUtcNow(), StuckTailWarningAfter))
            _logger.LogWarning("spool file {spool_file} ends with {tail_bytes} bytes without a newline: that line is delivered once its newline is written", name, file.TailBytes);
    }
}
