namespace StreamProcessor.Google.BigQuery.Tests;

/// <summary>The checkout the tests run from, and the configuration they were built in.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "StreamProcessor.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no StreamProcessor.sln above " + AppContext.BaseDirectory);
    }
}
