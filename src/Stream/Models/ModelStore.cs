using System.Text.Json;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Market;
using StreamProcessor.Systems.Prediction.Probability;
using StreamProcessor.Systems.Prediction.Systems.Ensemble;
using StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

namespace StreamProcessor.Stream.Models;

/// <summary>
/// The trained models in the data dir: <c>models/xgboost_v1.zip</c> (points), <c>models/xgboost_v1_&lt;prop&gt;.zip</c>
/// for the other props, and <c>models/ensemble_v1.json</c> with the ensemble weights and probability curves.
/// </summary>
public sealed class ModelStore(string dataDir)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Directory { get; } = System.IO.Path.Combine(dataDir, "models");

    /// <summary>The points model (the file older releases wrote).</summary>
    public string Path => ModelPath(PropType.Points);

    public string EnsemblePath => System.IO.Path.Combine(Directory, "ensemble_v1.json");

    public string ModelPath(PropType prop) =>
        System.IO.Path.Combine(Directory, prop == PropType.Points ? "xgboost_v1.zip" : $"xgboost_v1_{prop.Code()}.zip");

    public bool Exists => File.Exists(Path);

    /// <summary>The saved models, or null with the reason they cannot be used (missing, older feature layout, no weights file).</summary>
    public (TrainedModels? Models, string? Unusable) TryLoad()
    {
        if (!Exists) return (null, $"no trained model at {Path}");
        if (!File.Exists(EnsemblePath)) return (null, $"no ensemble weights at {EnsemblePath} (a model of an older release)");
        var models = new List<BoostedTreesModel>();
        try
        {
            foreach (var prop in PropTypes.All)
            {
                if (!File.Exists(ModelPath(prop))) continue;
                using var file = File.OpenRead(ModelPath(prop));
                models.Add(BoostedTreesModel.Load(file));
            }
            var saved = JsonSerializer.Deserialize<SavedEnsemble>(File.ReadAllText(EnsemblePath), Json)
                        ?? throw new InvalidDataException("empty ensemble file");
            if (saved.FeatureVersion != FeatureCatalog.Version)
                return (null, $"the saved models are of feature version {saved.FeatureVersion}, the features are {FeatureCatalog.Version}");
            return (saved.ToModels(models), null);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            return (null, $"the saved model cannot be used ({e.Message})");
        }
    }

    public void Save(TrainedModels trained)
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var model in trained.Models)
            WriteAtomically(ModelPath(model.Prop), file => model.Save(file));
        WriteAtomically(EnsemblePath, file => JsonSerializer.Serialize(file, SavedEnsemble.From(trained), Json));
    }

    // Write beside and rename, so a crash mid-save never leaves a half-written file behind.
    private static void WriteAtomically(string path, Action<System.IO.Stream> write)
    {
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary)) write(file);
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record SavedEnsemble
    {
        public required string FeatureVersion { get; init; }
        public required DateOnly ValidationFrom { get; init; }
        public required DateOnly ValidationTo { get; init; }
        public required Dictionary<string, Dictionary<string, double>> Weights { get; init; }
        public required Dictionary<string, Dictionary<string, double[]>> Calibrations { get; init; }

        /// <summary>Per prop and system: intercept, market slope, margin slope, examples. Absent in files of older releases.</summary>
        public Dictionary<string, Dictionary<string, double[]>>? MarketStacks { get; init; }
        public DateOnly? MarketFrom { get; init; }
        public DateOnly? MarketTo { get; init; }

        public static SavedEnsemble From(TrainedModels t) => new()
        {
            FeatureVersion = t.FeatureVersion,
            ValidationFrom = t.ValidationFrom,
            ValidationTo = t.ValidationTo,
            Weights = t.EnsembleWeights.ToDictionary(w => w.Key.Code(), w => w.Value.Weights.ToDictionary(x => x.Key, x => x.Value)),
            Calibrations = t.Calibrations.Fitted.GroupBy(c => c.Key.Prop)
                .ToDictionary(g => g.Key.Code(), g => g.ToDictionary(c => c.Key.SystemId, c => new[] { c.Value.Slope, c.Value.Intercept })),
            MarketStacks = t.Calibrations.Stacks.GroupBy(c => c.Key.Prop)
                .ToDictionary(g => g.Key.Code(), g => g.ToDictionary(c => c.Key.SystemId,
                    c => new[] { c.Value.Intercept, c.Value.MarketSlope, c.Value.MarginSlope, c.Value.Examples })),
            MarketFrom = t.MarketFrom,
            MarketTo = t.MarketTo,
        };

        public TrainedModels ToModels(IReadOnlyList<BoostedTreesModel> models) => new()
        {
            Models = models,
            ValidationFrom = ValidationFrom,
            ValidationTo = ValidationTo,
            EnsembleWeights = Weights.Where(w => PropTypes.TryParse(w.Key, out _))
                .ToDictionary(w => { PropTypes.TryParse(w.Key, out var p); return p; }, w => new EnsembleWeights(w.Value)),
            Calibrations = new Calibrations(Calibrations
                .Where(c => PropTypes.TryParse(c.Key, out _))
                .SelectMany(c => c.Value.Select(s => (Prop: Parse(c.Key), System: s.Key, Curve: s.Value)))
                .ToDictionary(x => (x.Prop, x.System), x => new OverProbability(x.Curve[0], x.Curve[1])),
                (MarketStacks ?? [])
                .Where(c => PropTypes.TryParse(c.Key, out _))
                .SelectMany(c => c.Value.Where(s => s.Value.Length == 4).Select(s => (Prop: Parse(c.Key), System: s.Key, Stack: s.Value)))
                .ToDictionary(x => (x.Prop, x.System), x => new MarketStack(x.Stack[0], x.Stack[1], x.Stack[2], (int)x.Stack[3]))),
            MarketFrom = MarketFrom,
            MarketTo = MarketTo,
        };

        private static PropType Parse(string code) => PropTypes.TryParse(code, out var p) ? p : PropType.Points;
    }
}
