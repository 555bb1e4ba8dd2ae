using System.Diagnostics;
using System.Globalization;
using StreamProcessor.Stream.Pipeline.Observability;

namespace StreamProcessor.Stream.Cli.Progress;

/// <summary>
/// A long command's progress on stderr: on a terminal, a bar redrawn in place several times a second (and
/// cleared when done, so the command's own summary follows cleanly); elsewhere (a log, CI), a plain line every
/// few seconds, and nothing at all for work that finishes sooner. Without a total it shows the count and the
/// time so far. Safe to advance from many threads.
/// </summary>
public sealed class ProgressReporter : IDisposable
{
    public static readonly TimeSpan TerminalRefresh = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private const int BarWidth = 28;

    private readonly TextWriter _writer;
    private readonly bool _live;
    private readonly long? _total;
    private readonly ProgressUnit _unit;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private string _label;
    private long _done;
    private int _drawnWidth;
    private bool _disposed;

    public ProgressReporter(string label, long? total, ProgressUnit unit, TextWriter writer, bool live, TimeSpan? interval = null)
    {
        _label = label;
        _total = total is > 0 ? total : null;
        _unit = unit;
        _writer = writer;
        _live = live;
        var every = interval ?? (live ? TerminalRefresh : PlainInterval);
        _timer = new Timer(_ => Render(), null, every, every);
    }

    public long Done => Interlocked.Read(ref _done);

    /// <summary>Counts the requests a pipeline finishes, written or dead-lettered.</summary>
    public IPipelineObserver PipelineObserver => new ProgressPipelineObserver(this);

    public void Advance(long amount = 1) => Interlocked.Add(ref _done, amount);

    public void Report(long done) => Interlocked.Exchange(ref _done, done);

    /// <summary>Names the step under way ("training", "writing rows"), for work that has no count.</summary>
    public void Phase(string label)
    {
        lock (_gate) _label = label;
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            if (_live && _drawnWidth > 0) _writer.Write("\r" + new string(' ', _drawnWidth) + "\r");
            _writer.Flush();
        }
    }

    private void Render()
    {
        lock (_gate)
        {
            if (_disposed) return;
            var done = Done;
            var elapsed = _clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";
            if (_live)
            {
                var line = _total is { } total
                    ? $"{_label} [{Bar(done, total)}] {Percent(done, total),4} {_unit.Format(done, named: false)}/{_unit.Format(total)} {elapsed}"
                    : $"{_label} {Spinner()} {(done > 0 ? _unit.Format(done) + " " : "")}{elapsed}";
                _writer.Write("\r" + line.PadRight(_drawnWidth));
                _drawnWidth = Math.Max(_drawnWidth, line.Length);
            }
            else
            {
                _writer.WriteLine(_total is { } total
                    ? $"{_label}: {_unit.Format(done, named: false)} of {_unit.Format(total)} ({Percent(done, total)}), {elapsed}"
                    : $"{_label}: {(done > 0 ? _unit.Format(done) + ", " : "")}{elapsed}");
            }
            _writer.Flush();
        }
    }

    private static string Bar(long done, long total)
    {
        var filled = (int)Math.Clamp(done * BarWidth / total, 0, BarWidth);
        return new string('#', filled) + new string('-', BarWidth - filled);
    }

    private static string Percent(long done, long total) =>
        (Math.Clamp((double)done / total, 0, 1) * 100).ToString("F0", CultureInfo.InvariantCulture) + "%";

    private string Spinner() => "|/-\\"[(int)(_clock.ElapsedMilliseconds / TerminalRefresh.TotalMilliseconds) % 4].ToString();
}
