namespace StreamProcessor.Perf.Harness;

/// <summary>
/// Where the measured children start from: the ReadyToRun publish a Release build leaves in <c>ready-to-run/</c> beside
/// itself (Perf.csproj), precompiled as the container ships <c>stream</c> (Dockerfile); or, with <c>--jit</c> or when
/// there is none (a Debug build), this build's own copies, compiled just in time.
/// </summary>
public sealed record MeasuredPrograms
{
    private const string ReadyToRunFolder = "ready-to-run";

    public required string Directory { get; init; }
    public required bool ReadyToRun { get; init; }

    public static MeasuredPrograms Choose(bool jit, TextWriter log)
    {
        var precompiled = Path.Combine(AppContext.BaseDirectory, ReadyToRunFolder);
        if (!jit && File.Exists(Path.Combine(precompiled, "stream.dll")))
            return new MeasuredPrograms { Directory = precompiled, ReadyToRun = true };
        if (!jit) log.WriteLine($"perf: no {ReadyToRunFolder}/ beside {AppContext.BaseDirectory} (a Release build publishes it); measuring the JIT-compiled build");
        return new MeasuredPrograms { Directory = AppContext.BaseDirectory, ReadyToRun = false };
    }

    /// <summary>An executable of this directory (the apphost), e.g. <c>stream</c> or this harness's own.</summary>
    public string Executable(string name) => Path.Combine(Directory, OperatingSystem.IsWindows() ? name + ".exe" : name);
}
