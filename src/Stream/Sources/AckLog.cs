using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StreamProcessor.Stream.Sources;

/// <summary>
/// The durable record of which message ids have been acknowledged, compacted so that memory and start-up time
/// depend on what is live, not on history. Two files: <see cref="Path"/>, the ids acknowledged since the last
/// compaction (one per line, flushed to disk before <see cref="Append"/> returns), and <c>Path.snapshot</c>, the
/// compacted state. An id <c>prefix:N</c> (a spool line, a JSONL line) is kept as its prefix's high-water mark of
/// contiguous numbers plus the sparse set above it (<see cref="AckRange"/>); any other id (a replay's
/// <c>replay:date:player:prop</c>) as its fingerprint, the first 128 bits of its SHA-256: a replay holds one per request,
/// and the ids themselves were most of a long replay's managed heap (~58 MB of strings over the 25x season's 462,375
/// against ~13 MB of fingerprints). A cryptographic hash, so that no id a file supplies can be made to pass for another.
/// Once the ids appended since the last compaction number <see cref="CompactAfter"/>, or the entries the last
/// snapshot holds when there are more (and at start when the log is longer than that), the state is written to a new
/// snapshot (renamed into place) and the log emptied: a state of distinct ids (a replay's) is rewritten each time it
/// doubles, not every <see cref="CompactAfter"/> ids, which made a long replay's compactions grow with the square of
/// its length. A torn last line (a crash mid-append) is ignored: that message is simply redelivered. Small named marks
/// (a spool file's generation) live in <c>Path.marks</c>.
/// </summary>
public sealed class AckLog : IDisposable
{
    public const int DefaultCompactAfter = 10_000;
    private const string SnapshotHeader = "# stream ack snapshot v2";

    private readonly Dictionary<string, AckRange> _ranges = new(StringComparer.Ordinal);
    private readonly HashSet<UInt128> _others = [];
    private readonly Dictionary<string, string> _marks = new(StringComparer.Ordinal);
    private readonly FileStream _file;
    private readonly object _gate = new();
    private int _appendedSinceCompaction;
    private int _entriesInSnapshot;

    private AckLog(FileStream file, int compactAfter)
    {
        _file = file;
        CompactAfter = compactAfter;
    }

    public string Path => _file.Name;

    public string SnapshotPath => Path + ".snapshot";

    public string MarksPath => Path + ".marks";

    /// <summary>Appended ids after which the log is compacted into the snapshot.</summary>
    public int CompactAfter { get; }

    public static AckLog Open(string path, int compactAfter = DefaultCompactAfter)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var log = new AckLog(file, Math.Max(1, compactAfter));
        log.LoadSnapshot();
        log._entriesInSnapshot = log.IdEntries;
        log.LoadMarks();
        var lines = 0;
        using (var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            long complete = 0;
            var buffer = new StringBuilder();
            int c;
            while ((c = reader.Read()) >= 0)
            {
                if (c != '\n')
                {
                    buffer.Append((char)c);
                    continue;
                }
                complete += Encoding.UTF8.GetByteCount(buffer.ToString()) + 1;
                if (buffer.Length > 0)
                {
                    log.Apply(buffer.ToString());
                    lines++;
                }
                buffer.Clear();
            }
            file.SetLength(complete); // everything after the last newline is a torn write
        }
        file.Seek(0, SeekOrigin.End);
        log._appendedSinceCompaction = lines;
        if (lines > log.CompactionThreshold) log.Compact();
        return log;
    }

    /// <summary>Snapshots written since this log was opened.</summary>
    internal int Compactions { get; private set; }

    private int CompactionThreshold => Math.Max(CompactAfter, _entriesInSnapshot);

    /// <summary>Ids, ranges and marks held in memory: what start-up reads and compaction writes.</summary>
    public int EntriesInMemory
    {
        get { lock (_gate) return IdEntries + _marks.Count; }
    }

    /// <summary>The acknowledged ids' entries: a mark and the numbers above it per prefix, and every other id.</summary>
    private int IdEntries => _ranges.Count + _ranges.Values.Sum(r => r.Above.Count) + _others.Count;

    public bool IsAcknowledged(string messageId)
    {
        lock (_gate) return Holds(Entry.Of(messageId));
    }

    public void Append(IReadOnlyList<string> messageIds)
    {
        lock (_gate)
        {
            // Each id split or hashed once, for the check and for the state.
            var fresh = new List<(string Id, Entry Entry)>(messageIds.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in messageIds)
            {
                if (!seen.Add(id)) continue;
                var entry = Entry.Of(id);
                if (!Holds(entry)) fresh.Add((id, entry));
            }
            if (fresh.Count == 0) return;
            if (fresh.Any(f => f.Id.Contains('\n'))) throw new ArgumentException("a message id cannot contain a newline", nameof(messageIds));
            WriteLines(fresh.ConvertAll(f => f.Id));
            _file.Flush(flushToDisk: true);
            foreach (var (_, entry) in fresh) Add(entry);
            _appendedSinceCompaction += fresh.Count;
            if (_appendedSinceCompaction >= CompactionThreshold) Compact();
        }
    }

    /// <summary>A small durable value under <paramref name="key"/> (a spool file's generation), null if never set.</summary>
    public string? Mark(string key)
    {
        lock (_gate) return _marks.GetValueOrDefault(key);
    }

    /// <summary>Sets a mark and makes it durable at once (the marks file is rewritten: marks change rarely).</summary>
    public void SetMark(string key, string value)
    {
        if (key.Contains('\t') || key.Contains('\n') || value.Contains('\n')) throw new ArgumentException("a mark's key has no tab or newline, its value no newline");
        lock (_gate)
        {
            if (_marks.GetValueOrDefault(key) == value) return;
            _marks[key] = value;
            WriteReplacing(MarksPath, writer =>
            {
                foreach (var (markKey, markValue) in _marks) writer.Write($"{markKey}\t{markValue}\n");
            });
        }
    }

    /// <summary>Forgets what was acknowledged under <paramref name="prefix"/> (a spool file that was replaced); durable at the next compaction.</summary>
    public void Forget(string prefix)
    {
        lock (_gate) _ranges.Remove(prefix);
    }

    /// <summary>Writes the state to a new snapshot, renames it into place, then empties the log.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            WriteReplacing(SnapshotPath, writer =>
            {
                foreach (var (prefix, range) in _ranges)
                    writer.Write($"R\t{range.HighWaterMark.ToString(CultureInfo.InvariantCulture)}\t{string.Join(',', range.Above.Select(n => n.ToString(CultureInfo.InvariantCulture)))}\t{prefix}\n");
                foreach (var fingerprint in _others)
                {
                    writer.Write("H\t");
                    writer.Write(fingerprint.ToString("x32", CultureInfo.InvariantCulture));
                    writer.Write('\n');
                }
            });
            // A crash here leaves ids in the log that the snapshot holds already: applying them again changes nothing.
            _file.SetLength(0);
            _file.Flush(flushToDisk: true);
            _appendedSinceCompaction = 0;
            _entriesInSnapshot = IdEntries;
            Compactions++;
        }
    }

    public void Dispose() => _file.Dispose();

    /// <summary>Removes the log and its snapshot (a replay that finished).</summary>
    public void Delete()
    {
        Dispose();
        File.Delete(Path);
        File.Delete(SnapshotPath);
        File.Delete(MarksPath);
    }

    /// <summary>Appends each id and a newline to the log in one write; the encoding goes through a pooled buffer (every acknowledgement comes here).</summary>
    private void WriteLines(IReadOnlyList<string> ids)
    {
        var bytes = ids.Count;
        foreach (var id in ids) bytes += Encoding.UTF8.GetByteCount(id);
        var buffer = ArrayPool<byte>.Shared.Rent(bytes);
        try
        {
            var written = 0;
            foreach (var id in ids)
            {
                written += Encoding.UTF8.GetBytes(id, buffer.AsSpan(written));
                buffer[written++] = (byte)'\n';
            }
            _file.Write(buffer, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes the header and what <paramref name="writeLines"/> writes (each line ending in a newline) to a temporary file, flushes it to disk and renames it over <paramref name="path"/>: all or nothing.</summary>
    private static void WriteReplacing(string path, Action<StreamWriter> writeLines)
    {
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(file, new UTF8Encoding(false)))
        {
            writer.Write(SnapshotHeader + "\n");
            writeLines(writer);
            writer.Flush();
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private void LoadMarks()
    {
        if (!File.Exists(MarksPath)) return;
        foreach (var line in File.ReadLines(MarksPath, Encoding.UTF8))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) throw new InvalidDataException($"{MarksPath}: cannot read the line \"{line}\"");
            _marks[line[..tab]] = line[(tab + 1)..];
        }
    }

    private void LoadSnapshot()
    {
        if (!File.Exists(SnapshotPath)) return;
        foreach (var line in File.ReadLines(SnapshotPath, Encoding.UTF8))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t', 4);
            switch (parts[0])
            {
                case "R" when parts.Length == 4:
                    Range(parts[3]).Restore(long.Parse(parts[1], CultureInfo.InvariantCulture),
                        parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => long.Parse(n, CultureInfo.InvariantCulture)));
                    break;
                case "H" when parts.Length == 2 && UInt128.TryParse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var fingerprint):
                    _others.Add(fingerprint);
                    break;
                case "I" when parts.Length >= 2: // a v1 snapshot's id, as itself
                    _others.Add(Fingerprint(line[2..]));
                    break;
                default:
                    throw new InvalidDataException($"{SnapshotPath}: cannot read the line \"{line}\"");
            }
        }
    }

    private void Apply(string id) => Add(Entry.Of(id));

    private bool Holds(Entry entry) => entry.Prefix is { } prefix
        ? _ranges.TryGetValue(prefix, out var range) && range.Contains(entry.Number)
        : _others.Contains(entry.Fingerprint);

    private void Add(Entry entry)
    {
        if (entry.Prefix is { } prefix) Range(prefix).Add(entry.Number);
        else _others.Add(entry.Fingerprint);
    }

    /// <summary>How an id is held: as its prefix's number (<c>prefix:N</c>), or as its fingerprint.</summary>
    private readonly record struct Entry(string? Prefix, long Number, UInt128 Fingerprint)
    {
        public static Entry Of(string id) => Split(id) is var (prefix, number) ? new(prefix, number, default) : new(null, 0, AckLog.Fingerprint(id));
    }

    private static UInt128 Fingerprint(string id)
    {
        var length = Encoding.UTF8.GetMaxByteCount(id.Length);
        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[length];
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(id, utf8)], hash);
            return BinaryPrimitives.ReadUInt128LittleEndian(hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private AckRange Range(string prefix)
    {
        if (!_ranges.TryGetValue(prefix, out var range)) _ranges[prefix] = range = new AckRange();
        return range;
    }

    /// <summary><c>prefix:N</c> with N a positive number, or null for any other id.</summary>
    private static (string Prefix, long Number)? Split(string id)
    {
        var colon = id.LastIndexOf(':');
        if (colon <= 0 || colon == id.Length - 1) return null;
        var digits = id.AsSpan(colon + 1);
        if (digits[0] == '0' || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return null;
        return (id[..colon], number);
    }
}
