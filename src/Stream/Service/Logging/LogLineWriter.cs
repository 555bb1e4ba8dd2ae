using System.Text;
using Microsoft.Extensions.Logging;

namespace StreamProcessor.Stream.Service.Logging;

/// <summary>
/// A TextWriter whose every line becomes an Information log entry: the notes a command writes to stderr
/// ("no trained model: training one first") reach the service's structured log instead of plain stderr,
/// which Cloud Logging would file as errors.
/// </summary>
internal sealed partial class LogLineWriter(ILogger logger) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n') Emit();
            else if (value != '\r') _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        lock (_gate)
            foreach (var c in value) Write(c);
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            Write(value);
            Emit();
        }
    }

    public override void Flush()
    {
        lock (_gate) if (_line.Length > 0) Emit();
    }

    private void Emit()
    {
        var line = _line.ToString();
        _line.Clear();
        if (line.Trim().Length > 0) LogNote(line);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{message}")]
    private partial void LogNote(string message);
}
