namespace StreamProcessor.Perf.Harness;

/// <summary>The checkout the harness runs in: the nearest directory up from here holding StreamProcessor.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "StreamProcessor.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("run the harness from the repository (no StreamProcessor.sln above the current directory)");
    }
}
