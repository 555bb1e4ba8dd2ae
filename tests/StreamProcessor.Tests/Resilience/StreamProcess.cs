using System.Diagnostics;

namespace StreamProcessor.Tests;

/// <summary>The real `stream` binary as a child process (the build output of src/Stream, beside the tests).</summary>
public static class StreamProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "stream.dll");

    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start stream");
        // Drain the pipes so a chatty child never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
