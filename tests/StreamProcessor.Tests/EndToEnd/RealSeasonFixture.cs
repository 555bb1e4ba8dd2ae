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

    /// <summary>A private copy of the prepared data dir, for a test that changes breaker state or injects faults.</summary>
    public TempDirectory CopyDataDir()
    {
        var copy = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(DataDir, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy.Path, Path.GetRelativePath(DataDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    /// <summary>Players who played on <paramref name="date"/> with at least <paramref name="minGames"/> earlier games, alphabetically.</summary>
    public IReadOnlyList<(string Player, string GameId)> Players(string date, int minGames) =>
        WarehouseQuery.Rows(Path.Combine(DataDir, "warehouse.duckdb"), $"""
            SELECT player_lookup, game_id FROM nba_predictions.ml_feature_store_v2
            WHERE game_date = DATE '{date}' AND games_played >= {minGames} ORDER BY player_lookup
            """).Select(r => ((string)r[0], (string)r[1])).ToArray();

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
