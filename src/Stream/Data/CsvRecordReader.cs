using System.Text;

namespace StreamProcessor.Stream.Data;

/// <summary>
/// Splits RFC-4180 text into records one at a time, so a file of any size streams through
/// without ever being held whole. Knows nothing about box scores.
/// </summary>
internal sealed class CsvRecordReader
{
    private const int EndOfInput = -1;

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private int _nextLine = 1;
    private bool _atStartOfInput = true;

    public CsvRecordReader(TextReader reader) => _reader = reader;

    /// <summary>
    /// Reads the next record into <paramref name="fields"/>. <paramref name="lineNumber"/> is the
    /// physical line the record starts on (a quoted field may span lines); <paramref name="problem"/>
    /// describes malformed quoting, or is null. Returns false at the end of the input.
    /// </summary>
    public bool TryReadRecord(List<string> fields, out int lineNumber, out string? problem)
    {
        fields.Clear();
        problem = null;
        if (_atStartOfInput)
        {
            _atStartOfInput = false;
            if (Peek() == '\uFEFF') Read();
        }
        lineNumber = _nextLine;
        if (Peek() == EndOfInput) return false;

        while (true)
        {
            _field.Clear();
            var quoted = Peek() == '"';
            if (quoted)
            {
                Read();
                problem ??= ReadQuotedContent();
            }

            while (true)
            {
                var c = Read();
                if (c == EndOfInput)
                {
                    fields.Add(_field.ToString());
                    return true;
                }
                if (c == ',') break;
                if (c is '\r' or '\n')
                {
                    if (c == '\r' && Peek() == '\n') Read();
                    _nextLine++;
                    fields.Add(_field.ToString());
                    return true;
                }
                // Lenient like spreadsheets: keep the text, but say the quoting was wrong.
                if (quoted) problem ??= "unexpected text after a closing quote";
                _field.Append((char)c);
            }
            fields.Add(_field.ToString());
        }
    }

    /// <summary>Reads up to and including the closing quote; returns a problem if there is none.</summary>
    private string? ReadQuotedContent()
    {
        while (true)
        {
            var c = Read();
            if (c == EndOfInput) return "a quoted field starting on this line is never closed";
            if (c == '"')
            {
                if (Peek() != '"') return null;
                Read();
                _field.Append('"');
                continue;
            }
            _field.Append((char)c);
            if (c is '\r' or '\n')
            {
                if (c == '\r' && Peek() == '\n') _field.Append((char)Read());
                _nextLine++;
            }
        }
    }

    private int Peek()
    {
        if (_position == _length && !Fill()) return EndOfInput;
        return _buffer[_position];
    }

    private int Read()
    {
        if (_position == _length && !Fill()) return EndOfInput;
        return _buffer[_position++];
    }

    private bool Fill()
    {
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
