using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace StreamProcessor.Stream.Sources;

/// <summary>
/// The embedded stand-in for a Pub/Sub subscription: a directory of <c>*.jsonl</c> files, one request per line,
/// read in file-name order and tailed while running (new files and appended lines are picked up). A line's
/// message id is <c>file-name:line-number</c>.
/// <para>
/// Acknowledgements are durable (<see cref="AckLog"/>): an acknowledged line is never delivered again. A nacked
/// line (its batch's read or write failed) is delivered again within the run after a <see cref="RedeliveryBackoff"/>,
/// as Pub/Sub redelivers after a nack; a line delivered and neither acknowledged nor nacked (a crash, a drain past
/// its deadline) is delivered again after a restart. Only complete lines (ending in a newline) are delivered, so a
/// line being appended is never read half-way. Spool files are append-only: their names and line numbers are the ids.
/// </para>
/// </summary>
public sealed class SpoolRequestSource : IRequestSource, IDisposable
{
    private static readonly TimeSpan StuckTailWarningAfter = TimeSpan.FromSeconds(10);

    private readonly AckLog _acks;
    private readonly TimeSpan _poll;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly RedeliveryBackoff _backoff;
    private readonly object _gate = new();

    // Delivered, neither acknowledged nor nacked yet (bounded by what the pipeline holds), and nacked, waiting out their backoff.
    private readonly Dictionary<string, Delivery> _outstanding = new(StringComparer.Ordinal);
    private readonly PriorityQueue<Delivery, DateTimeOffset> _redeliveries = new();
    private readonly HashSet<string> _waiting = new(StringComparer.Ordinal);

    private sealed record Delivery(string MessageId, byte[] Data, int Attempt);

    private SpoolRequestSource(string directory, AckLog acks, TimeSpan poll, ILogger logger, TimeProvider clock, RedeliveryBackoff backoff)
    {
        Directory = directory;
        _acks = acks;
        _poll = poll;
        _logger = logger;
        _clock = clock;
        _backoff = backoff;
    }

    public string Directory { get; }

    public string AckLogPath => _acks.Path;

    /// <summary>Creates the directory if needed and opens (or creates) the ack log.</summary>
    public static SpoolRequestSource Open(string directory, string ackLogPath, TimeSpan poll, ILogger? logger = null, TimeProvider? clock = null,
        RedeliveryBackoff? redelivery = null)
    {
        var full = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(full);
        return new SpoolRequestSource(full, AckLog.Open(ackLogPath), poll, logger ?? NullLogger.Instance, clock ?? TimeProvider.System,
            redelivery ?? RedeliveryBackoff.Default);
    }

    /// <summary>Messages nacked and not yet delivered again.</summary>
    public int AwaitingRedelivery
    {
        get { lock (_gate) return _redeliveries.Count; }
    }

    public async IAsyncEnumerable<SourceMessage> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, Tracked>(StringComparer.Ordinal);
        var vanished = new HashSet<string>(StringComparer.Ordinal); // seen gone during this run: a file by that name is a new one
        while (!cancellationToken.IsCancellationRequested)
        {
            var delivered = false;
            while (TakeDueRedelivery() is { } again)
            {
                if (cancellationToken.IsCancellationRequested) yield break;
                delivered = true;
                yield return again;
            }
            var listed = ListFiles();
            Interlocked.Increment(ref _scans);
            if (listed is null)
            {
                await Task.Delay(NextWait(), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }
            foreach (var (name, path) in listed)
            {
                if (!files.TryGetValue(name, out var tracked)) files[name] = tracked = new Tracked(new SpoolFile(path, () => Interlocked.Increment(ref _opened)));
                foreach (var (lineNumber, line) in tracked.File.ReadNewLines(_clock.GetUtcNow()))
                {
                    if (cancellationToken.IsCancellationRequested) yield break;
                    tracked.Prefix ??= Generation(name, tracked.File.Fingerprint!, replaced: vanished.Remove(name));
                    var id = $"{tracked.Prefix}:{lineNumber}";
                    if (_acks.IsAcknowledged(id)) continue;
                    if (!Deliver(id, line)) continue; // nacked earlier and waiting out its backoff, or still in flight
                    delivered = true;
                    yield return new SourceMessage(id, line) { DeliveryAttempt = 1 };
                }
                if (tracked.File.Replaced)
                {
                    files.Remove(name); // read afresh, as the new file it is, on the next scan
                    vanished.Add(name);
                    delivered = true;
                    continue;
                }
                Warn(name, tracked.File);
            }
            foreach (var gone in files.Keys.Except(listed.Select(f => f.Name)).ToArray())
            {
                files.Remove(gone);
                vanished.Add(gone);
            }
            if (delivered) continue;
            await Task.Delay(NextWait(), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Durably records the ids before returning. Done even when asked to stop: these messages were written.</summary>
    public Task AcknowledgeAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        _acks.Append(messageIds);
        lock (_gate)
            foreach (var id in messageIds) _outstanding.Remove(id);
        return Task.CompletedTask;
    }

    /// <summary>The lines are delivered again after their backoff (doubling with each nack of the same line), within this run.</summary>
    public Task NackAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var id in messageIds)
            {
                if (!_outstanding.Remove(id, out var delivery)) continue; // acknowledged meanwhile, or not ours
                _redeliveries.Enqueue(delivery, now + _backoff.After(delivery.Attempt));
                _waiting.Add(id);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Remembers a first delivery; false if the line is already outstanding or waiting for redelivery.</summary>
    private bool Deliver(string id, byte[] line)
    {
        lock (_gate)
        {
            if (_outstanding.ContainsKey(id) || _waiting.Contains(id)) return false;
            _outstanding[id] = new Delivery(id, line, 1);
            return true;
        }
    }

    private SourceMessage? TakeDueRedelivery()
    {
        lock (_gate)
        {
            while (_redeliveries.TryPeek(out var due, out var at) && at <= _clock.GetUtcNow())
            {
                _redeliveries.Dequeue();
                _waiting.Remove(due.MessageId);
                if (_acks.IsAcknowledged(due.MessageId)) continue;
                var again = due with { Attempt = due.Attempt + 1 };
                _outstanding[due.MessageId] = again;
                return new SourceMessage(again.MessageId, again.Data) { DeliveryAttempt = again.Attempt };
            }
            return null;
        }
    }

    /// <summary>The poll interval, or less when a nacked line falls due sooner.</summary>
    private TimeSpan NextWait()
    {
        lock (_gate)
        {
            if (!_redeliveries.TryPeek(out _, out var at)) return _poll;
            var until = at - _clock.GetUtcNow();
            return until < TimeSpan.Zero ? TimeSpan.Zero : until < _poll ? until : _poll;
        }
    }

    public void Dispose() => _acks.Dispose();

    /// <summary>Opens of spool files so far by this reader's scans (a test's window on "polled without re-opening").</summary>
    internal int FileOpens => Volatile.Read(ref _opened);

    private int _opened;

    /// <summary>Listings of the spool directory so far.</summary>
    internal int Scans => Volatile.Read(ref _scans);

    private int _scans;

    private sealed class Tracked(SpoolFile file)
    {
        public SpoolFile File { get; } = file;

        /// <summary>The id prefix of this file's lines: its name, or <c>name~G</c> for the G-th file to bear that name.</summary>
        public string? Prefix { get; set; }
    }

    /// <summary>
    /// Which file of that name this is. The first keeps the name as its id prefix (ids <c>name:line</c>); a later
    /// file under a reused name (another first line, or the name seen gone during this run) gets <c>name~2</c>,
    /// <c>name~3</c> ..., so its lines are new messages and never taken for the old file's acknowledged ones.
    /// </summary>
    private string Generation(string name, string fingerprint, bool replaced)
    {
        var key = "spool-file:" + name;
        var mark = _acks.Mark(key)?.Split('\t', 2);
        if (mark is not [var number, var known] || !int.TryParse(number, out var generation))
        {
            _acks.SetMark(key, $"1\t{fingerprint}");
            return name;
        }
        if (!replaced && known == fingerprint) return PrefixOf(name, generation);
        _acks.Forget(PrefixOf(name, generation));
        _acks.SetMark(key, $"{generation + 1}\t{fingerprint}");
        _logger.LogInformation("spool file {spool_file} holds a new file under a reused name: its lines are new messages, ids {id_prefix}:N",
            name, PrefixOf(name, generation + 1));
        return PrefixOf(name, generation + 1);
    }

    private static string PrefixOf(string name, int generation) => generation == 1 ? name : $"{name}~{generation}";

    /// <summary>The spool's <c>*.jsonl</c> files in name order; null when the directory cannot be listed right now.</summary>
    private List<(string Name, string Path)>? ListFiles()
    {
        try
        {
            return System.IO.Directory.EnumerateFiles(Directory)
                .Select(path => (Name: Path.GetFileName(path), Path: path))
                .Where(f => f.Name.EndsWith(".jsonl", StringComparison.Ordinal) && !f.Name.Contains('\n') && !f.Name.Contains('\t'))
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("cannot list the spool directory {spool_directory}: {error}", Directory, e.Message);
            return null;
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
