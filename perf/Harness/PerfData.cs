using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Commands;
using StreamProcessor.Stream.Configuration;
using StreamProcessor.Stream.Models;

namespace StreamProcessor.Perf.Harness;

/// <summary>
/// The harness's data: the shared real season loaded once into <c>perf/out/base</c> (box scores, features, the models
/// trained before 2025-01-01), reused while the CSV and the feature version are unchanged; and, per scale, a copy of it
/// with the players cloned.
/// </summary>
public sealed class PerfData(string repositoryRoot, string outputDirectory, TextWriter log)
{
    private static readonly DateOnly TrainUntil = new(2025, 1, 1);

    public string ConfigPath => Path.Combine(repositoryRoot, "config.yaml");

    private StreamOptions? _options;

    /// <summary>The configuration the base is prepared with and the children run under, read once.</summary>
    private StreamOptions Options => _options ??= ConfigurationLoader.Load(ConfigPath);

    public string BoxScores => Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "data", "box_scores_2024_25_oct_feb.csv"));

    private string BaseDir => Path.Combine(outputDirectory, "base");

    public async Task<string> EnsureBaseAsync()
    {
        if (!File.Exists(BoxScores)) throw new FileNotFoundException($"the harness replays the shared season, read in place: {BoxScores} is missing");
        var options = Options;
        var aliases = options.Players.AliasesFile;
        var aliasesStamp = aliases is not null && File.Exists(aliases) ? $"{aliases} {File.GetLastWriteTimeUtc(aliases):O}" : "no aliases";
        var stamp = $"{new FileInfo(BoxScores).Length} {File.GetLastWriteTimeUtc(BoxScores):O} {StreamProcessor.Systems.Features.FeatureCatalog.Version} until {TrainUntil:yyyy-MM-dd} {typeof(Warehouse).Assembly.ManifestModule.ModuleVersionId} {aliasesStamp}";
        var marker = Path.Combine(BaseDir, "ready");
        if (File.Exists(marker) && File.ReadAllText(marker) == stamp) return BaseDir;

        if (Directory.Exists(BaseDir)) Directory.Delete(BaseDir, recursive: true);
        Directory.CreateDirectory(BaseDir);
        log.WriteLine($"perf: preparing {BaseDir}: the shared season, its features, the models trained before {TrainUntil:yyyy-MM-dd} (once)");
        var status = await CliApp.RunAsync(["data", "load", "--box-scores", BoxScores, $"--data-dir={BaseDir}", $"--config={ConfigPath}"], TextWriter.Null, log);
        if (status != CliApp.Ok) throw new InvalidOperationException($"data load failed ({status})");
        using (var warehouse = Warehouse.OpenInDirectory(BaseDir, options.Warehouse.DuckDbSettings()))
        {
            FeaturesBuildCommand.Build(warehouse, null, null);
            var training = await ModelTrainer.TrainAsync(warehouse, TrainUntil, options);
            new ModelStore(BaseDir).Save(training.Models);
            // As a user's warehouse is after its first run: the registry holds the configured aliases. Without them each
            // measured run stored them itself, in a write transaction on the way of its first request (20-25 ms of a
            // warm day's 140-160), a cost a warehouse pays once, not every run.
            new PlayerRegistryTable(warehouse, aliases).Load();
        }
        File.WriteAllText(marker, stamp);
        return BaseDir;
    }

    /// <summary>A fresh data dir for one run of <paramref name="scale"/>: the base, plus the clones the scale asks for.</summary>
    public string Prepare(Scale scale, string design)
    {
        var dir = Path.Combine(outputDirectory, "runs", $"{scale.Name}-{design}");
        CopyBase(BaseDir, dir);
        if (scale.Copies > 1) SyntheticPlayers.Clone(Path.Combine(dir, Warehouse.FileName), scale.Copies, Options.Players.AliasesFile);
        return dir;
    }

    /// <summary>The base data dir as prepared, for a warm run's throwaway warm-up.</summary>
    public string Base => BaseDir;

    /// <summary>A fresh copy of a prepared base data dir (its warehouse and models) at <paramref name="dir"/>.</summary>
    public static void CopyBase(string baseDir, string dir)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(Path.Combine(dir, "models"));
        File.Copy(Path.Combine(baseDir, Warehouse.FileName), Path.Combine(dir, Warehouse.FileName));
        foreach (var model in Directory.GetFiles(Path.Combine(baseDir, "models")))
            File.Copy(model, Path.Combine(dir, "models", Path.GetFileName(model)));
    }

    public static void Remove(string dataDir)
    {
        if (Directory.Exists(dataDir)) Directory.Delete(dataDir, recursive: true);
    }
}
