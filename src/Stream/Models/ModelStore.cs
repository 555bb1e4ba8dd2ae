using System.Diagnostics;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Configuration;
using StreamProcessor.Systems.Prediction.Systems.Xgboost;

namespace StreamProcessor.Stream.Models;

/// <summary>The trained xgboost_v1 model in the data dir (<c>models/xgboost_v1.zip</c>), and how it is trained.</summary>
public sealed class ModelStore(string dataDir)
{
    public string Path { get; } = System.IO.Path.Combine(dataDir, "models", "xgboost_v1.zip");

    public bool Exists => File.Exists(Path);

    public XgboostModel? TryLoad()
    {
        if (!Exists) return null;
        using var file = File.OpenRead(Path);
        return XgboostModel.Load(file);
    }

    public void Save(XgboostModel model)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        // Write beside and rename, so a crash mid-save never leaves a half-written model behind.
        var temporary = Path + ".tmp";
        using (var file = File.Create(temporary)) model.Save(file);
        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>Trains on every player-game strictly before <paramref name="until"/> (walk-forward: nothing on or after it).</summary>
    public static ModelTraining Train(Warehouse warehouse, DateOnly until, ModelOptions options)
    {
        var clock = Stopwatch.StartNew();
        var examples = new FeatureTable(warehouse)
            .ReadWithOutcomes(DateOnly.MinValue, until.AddDays(-1), options.MinGamesPlayed)
            .Select(o => new TrainingExample(o.Features, o.Points))
            .ToArray();
        if (examples.Length == 0)
            throw new InvalidOperationException($"no feature rows before {until:yyyy-MM-dd} to train on: load box scores and run `features build` first");
        var model = XgboostModel.Train(examples, options.Training);
        return new ModelTraining(model, examples.Length, clock.Elapsed);
    }
}

public sealed record ModelTraining(XgboostModel Model, int Examples, TimeSpan Elapsed);
