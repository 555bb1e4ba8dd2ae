using System.Diagnostics;

namespace StreamProcessor.Perf.Load;

/// <summary>The emulators a load target starts, stopped with everything they started.</summary>
internal static class ChildProcesses
{
    /// <summary>Kills <paramref name="process"/> and its children if it still runs, and releases it; null does nothing.</summary>
    public static void Stop(Process? process)
    {
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { } // it exited between the check and the kill
        process.Dispose();
    }
}
