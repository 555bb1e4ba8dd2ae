namespace StreamProcessor.Stream.Sources;

/// <summary>
/// How far one spool file has been read: the byte offset just past its last complete line and that line's
/// number. Reading again resumes there, so lines appended since are picked up and a line still being
/// written (no newline yet) is left for a later read rather than delivered half-way. A poll of an unchanged
/// file costs one stat (size and modification time), never an open. The file's <see cref="Fingerprint"/> is a
/// hash of its first line, which never changes in an append-only file: a different one means the name now
/// holds another file (<see cref="Replaced"/>).
/// </summary>
internal sealed class SpoolFile(string path, Action? opened = null)
{
    /// <summary>A longer line is cut here: it is far past any valid request, and is dead-lettered as too large.</summary>
    internal const int MaxLineBytes = 1 << 20;

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private const int FingerprintBytes = 64 * 1024;

    private long _offset;
    private long _seenLength = -1;
    private DateTime _seenWrite;
    private int _lineNumber;
    private long _tailBytes;
    private DateTimeOffset _tailSince;

    public string Path { get; } = path;

    /// <summary>Bytes after the last newline: a line being written, or a last line its writer never ended.</summary>
    public long TailBytes => _tailBytes;

    private bool _shrank, _shrinkReported;

    /// <summary>Hex SHA-256 of the first line (its first 64 KiB), once that line is complete; null before.</summary>
    public string? Fingerprint { get; private set; }

    /// <summary>The name now holds a different file (another first line): this one is done, the new one is a new file.</summary>
    public bool Replaced { get; private set; }

    /// <summary>Times the file was opened: only when its size or modification time changed.</summary>
    public int Opens { get; private set; }

    /// <summary>True, once, after the file was found holding fewer bytes than were already read (rewritten in place, which a spool file must not be).</summary>
    public bool ShrankUnreported()
    {
        if (!_shrank || _shrinkReported) return false;
        _shrinkReported = true;
        return true;
    }

    /// <summary>True once the same unterminated tail has sat unchanged for <paramref name="after"/>; answers true only once per tail.</summary>
    public bool TailIsStuck(DateTimeOffset now, TimeSpan after)
    {
        if (_tailBytes == 0 || now - _tailSince < after) return false;
        _tailSince = DateTimeOffset.MaxValue; // reported; a change of the tail re-arms it
        return true;
    }

    /// <summary>The complete lines added since the last read, with their 1-based line numbers; blank lines are counted but not returned.</summary>
    public IEnumerable<(int LineNumber, byte[] Line)> ReadNewLines(DateTimeOffset now)
    {
        if (Replaced || Unchanged()) yield break;
        var stream = TryOpen();
        if (stream is null) yield break;
        using (stream)
        {
            Opens++;
            opened?.Invoke();
            var fingerprint = FirstLineFingerprint(stream);
            if (Fingerprint is null) Fingerprint = fingerprint;
            else if (fingerprint != Fingerprint)
            {
                Replaced = true;
                yield break;
            }
            if (stream.Length < _offset)
            {
                _shrank = true;
                yield break;
            }
            if (stream.Length == _offset + _tailBytes) yield break; // nothing new, not even in the tail
            stream.Seek(_offset, SeekOrigin.Begin);
            var buffer = new byte[64 * 1024];
            var line = new MemoryStream();
            var chunkStart = _offset;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var from = 0;
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] != (byte)'\n') continue;
                    Append(line, buffer.AsSpan(from, i - from));
                    from = i + 1;
                    var isFirstLine = _offset == 0;
                    _offset = chunkStart + i + 1;
                    _lineNumber++;
                    var raw = line.ToArray();
                    if (isFirstLine) Fingerprint ??= Hash(raw.AsSpan(0, Math.Min(raw.Length, FingerprintBytes))); // its newline came after the fingerprint read
                    var bytes = Trim(raw, isFirstLine);
                    line.SetLength(0);
                    if (bytes.Length > 0) yield return (_lineNumber, bytes);
                }
                Append(line, buffer.AsSpan(from, read - from));
                chunkStart += read;
            }
            var tail = chunkStart - _offset;
            if (tail != _tailBytes) (_tailBytes, _tailSince) = (tail, now);
        }
    }

    /// <summary>Same size and modification time as at the last look: nothing to read (a stat, no open).</summary>
    private bool Unchanged()
    {
        var info = new FileInfo(Path);
        if (!info.Exists) return true;
        var (length, written) = (info.Length, info.LastWriteTimeUtc);
        if (length == _seenLength && written == _seenWrite) return true;
        (_seenLength, _seenWrite) = (length, written);
        return false;
    }

    private static string? FirstLineFingerprint(FileStream stream)
    {
        var buffer = new byte[(int)Math.Min(FingerprintBytes, stream.Length)];
        stream.Seek(0, SeekOrigin.Begin);
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0) read += n;
        var newline = Array.IndexOf(buffer, (byte)'\n', 0, read);
        if (newline < 0 && read < FingerprintBytes) return null; // the first line is not complete yet
        return Hash(buffer.AsSpan(0, newline < 0 ? read : newline));
    }

    private static string Hash(ReadOnlySpan<byte> firstLine) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(firstLine))[..16];

    private FileStream? TryOpen()
    {
        try
        {
            // ReadWrite|Delete: a writer may keep appending, and an operator may remove a finished file.
            return new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // removed or unreadable right now; the next scan tries again
        }
    }

    private static void Append(MemoryStream line, ReadOnlySpan<byte> bytes)
    {
        var room = MaxLineBytes - (int)line.Length;
        if (room > 0) line.Write(bytes[..Math.Min(room, bytes.Length)]);
    }

    /// <summary>Drops a CRLF's CR and a first line's UTF-8 byte-order mark; a line of only whitespace becomes empty.</summary>
    private static byte[] Trim(byte[] line, bool isFirstLine)
    {
        var span = line.AsSpan();
        if (isFirstLine && span.StartsWith(Utf8Bom)) span = span[Utf8Bom.Length..];
        if (span.EndsWith((byte)'\r')) span = span[..^1];
        foreach (var b in span)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return span.ToArray();
        return [];
    }
}
