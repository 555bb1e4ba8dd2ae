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
    private readonly TempDirectory _pristine = new();
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
        CopyTree(DataDir, _pristine.Path); // before any test writes predictions, acks or breaker state into DataDir
    }

    /// <summary>
    /// A private copy of the data dir as it was when prepared (box scores, features, models; no predictions,
    /// acks or breaker state from other tests), for a test that changes state or injects faults.
    /// </summary>
    public TempDirectory CopyDataDir()
    {
        var copy = new TempDirectory();
        CopyTree(_pristine.Path, copy.Path);
        return copy;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Players who played on <paramref name="date"/> with at least <paramref name="minGames"/> earlier games, alphabetically.</summary>
    public IReadOnlyList<(string Player, string GameId)> Players(string date, int minGames) =>
        WarehouseQuery.Rows(Path.Combine(DataDir, "warehouse.duckdb"), $"""
            SELECT player_lookup, game_id FROM nba_predictions.ml_feature_store_v2
            WHERE game_date = DATE '{date}' AND games_played >= {minGames} ORDER BY player_lookup
            """).Select(r => ((string)r[0], (string)r[1])).ToArray();

    private async Task<JsonElement> EvaluateFebruaryAsync() =>
        (await Cli.RunOkAsync("evaluate", "--from", "2025-02-01", "--to", "2025-02-28", "--prop", "all",
            "--report", ReportDir, "--data-dir", DataDir, "--json")).Json.Clone();

    public Task DisposeAsync()
    {
        _directory.Dispose();
        _pristine.Dispose();
        return Task.CompletedTask;
    }
}
