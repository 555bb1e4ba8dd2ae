using System.Text.Json;

namespace StreamProcessor.Tests.EndToEnd;

/// <summary>
/// A data dir holding the real 2024-25 box scores (read in place from ../shared), their features and models trained
/// before 2025-02-01: built once through the CLI and shared by the tests of a class. The February backtest of every
/// prop (with its HTML report) runs once, on first use, and its JSON is shared too.
/// </summary>
public sealed class RealSeasonFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly Lazy<Task<JsonElement>> _february;

    public RealSeasonFixture() => _february = new(EvaluateFebruaryAsync);

    public string DataDir => _directory.Path;

    public string ReportDir => Path.Combine(_directory.Path, "report");

    /// <summary><c>evaluate --from 2025-02-01 --to 2025-02-28 --prop all --report DIR --json</c>.</summary>
    public Task<JsonElement> February => _february.Value;

    public async Task InitializeAsync()
    {
        await Cli.RunOkAsync("data", "load", "--box-scores", TestData.BoxScoresCsv, "--data-dir", DataDir);
        await Cli.RunOkAsync("features", "build", "--data-dir", DataDir);
        await Cli.RunOkAsync("model", "train", "--until", "2025-02-01", "--data-dir", DataDir);
    }

    private async Task<JsonElement> EvaluateFebruaryAsync() =>
        (await Cli.RunOkAsync("evaluate", "--from", "2025-02-01", "--to", "2025-02-28", "--prop", "all",
            "--report", ReportDir, "--data-dir", DataDir, "--json")).Json.Clone();

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
