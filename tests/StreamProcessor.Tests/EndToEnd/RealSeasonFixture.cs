namespace StreamProcessor.Tests.EndToEnd;

/// <summary>
/// A data dir holding the real 2024-25 box scores (read in place from ../shared), their features and a
/// model trained before 2025-02-01: built once through the CLI and shared by the tests of a class.
/// </summary>
public sealed class RealSeasonFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    public string DataDir => _directory.Path;

    public async Task InitializeAsync()
    {
        await Cli.RunOkAsync("data", "load", "--box-scores", TestData.BoxScoresCsv, "--data-dir", DataDir);
        await Cli.RunOkAsync("features", "build", "--data-dir", DataDir);
        await Cli.RunOkAsync("model", "train", "--until", "2025-02-01", "--data-dir", DataDir);
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
