using System.Globalization;

namespace StreamProcessor.Tests.Resilience;

/// <summary>A private data dir with the real season, a config file and a requests file, for one fault scenario.</summary>
public sealed class ResilienceScenario : IDisposable
{
    private readonly TempDirectory _directory;

    public ResilienceScenario(EndToEnd.RealSeasonFixture season, string config)
    {
        _directory = season.CopyDataDir();
        ConfigPath = _directory.File("test-config.yaml");
        File.WriteAllText(ConfigPath, config);
    }

    public string DataDir => _directory.Path;
    public string ConfigPath { get; }
    public string Warehouse => Path.Combine(DataDir, "warehouse.duckdb");

    /// <summary>Where <see cref="WriteRequests"/> writes a requests file of this name.</summary>
    public string RequestsPath(string name = "requests.jsonl") => _directory.File(name);

    public string WriteRequests(IEnumerable<string> lines, string name = "requests.jsonl")
    {
        var path = RequestsPath(name);
        File.WriteAllLines(path, lines);
        return path;
    }

    public static string Request(string player, string gameId, double line) =>
        $$"""{"player_lookup": "{{player}}", "game_date": "{{gameId[..4]}}-{{gameId[4..6]}}-{{gameId[6..8]}}", "game_id": "{{gameId}}", "line_values": [{{line.ToString(CultureInfo.InvariantCulture)}}]}""";

    public Task<EndToEnd.Cli.Run> StreamAsync(params string[] args) =>
        EndToEnd.Cli.RunAsync([.. args, "--data-dir", DataDir, "--config", ConfigPath, "--json"]);

    public List<object[]> Query(string sql) => WarehouseQuery.Rows(Warehouse, sql);

    public long Scalar(string sql) => Convert.ToInt64(Query(sql)[0][0]);

    public void Dispose() => _directory.Dispose();
}
