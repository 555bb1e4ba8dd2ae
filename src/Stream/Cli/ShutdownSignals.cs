using System.Runtime.InteropServices;

namespace StreamProcessor.Stream.Cli;

/// <summary>
/// SIGTERM (a deploy, Cloud Run scaling in) and SIGINT (Ctrl+C) ask the running command to stop: it stops
/// reading and drains what it holds instead of being killed mid-write. A second signal is not intercepted,
/// so it ends the process at once.
/// </summary>
public sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _received;

    private ShutdownSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, Handle));
            }
            catch (PlatformNotSupportedException)
            {
                // Not every platform has every signal; the ones it has still work.
            }
        }
    }

    public CancellationToken Stop => _stop.Token;

    public static ShutdownSignals Register() => new();

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _received) > 1) return;
        context.Cancel = true;
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
    }
}
