namespace StreamProcessor.Tests.Service;

/// <summary>Files at the repository root (Dockerfile, deploy/, config.yaml), found by walking up from the test binaries.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "StreamProcessor.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no StreamProcessor.sln above " + AppContext.BaseDirectory);
    }
}
