using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;

namespace StreamProcessor.Systems.Prediction.Systems.BoostedTrees;

/// <summary>
/// A trained gradient-boosted regression-tree model (ML.NET FastTree) from the feature vector to points,
/// with what it was trained on. Immutable once built; <see cref="Predict"/> is safe to call from many threads.
/// </summary>
public sealed class BoostedTreesModel
{
    private const string ManifestEntry = "manifest.json";
    private const string ModelEntry = "fasttree.mlnet";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly MLContext _context;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly CompiledTreeEnsemble _trees;
    private readonly ModelManifest _manifest; // what the model is, as saved beside it

    private BoostedTreesModel(MLContext context, ITransformer model, DataViewSchema inputSchema, ModelManifest manifest)
    {
        _context = context;
        _model = model;
        _inputSchema = inputSchema;
        _trees = CompiledTreeEnsemble.From(TreesOf(model));
        _manifest = manifest;
        PropTypes.TryParse(manifest.Prop, out var prop);
        Prop = prop;
    }

    /// <summary>The prop whose statistic the model predicts.</summary>
    public PropType Prop { get; }

    /// <summary>The earliest game date among the training examples.</summary>
    public DateOnly TrainedFrom => _manifest.TrainedFrom;

    /// <summary>The latest game date among the training examples.</summary>
    public DateOnly TrainedUntil => _manifest.TrainedUntil;

    /// <summary>The <see cref="FeatureCatalog.Version"/> of the features it was trained on.</summary>
    public string FeatureVersion => _manifest.FeatureVersion;

    public int ExampleCount => _manifest.ExampleCount;

    /// <summary>Mean absolute error on the training examples themselves (in-sample, so optimistic).</summary>
    public double TrainingMae => _manifest.TrainingMae;

    /// <summary>
    /// Which model this is, written to <c>model_version</c>: system, prop (when not points), training range and
    /// feature version, e.g. <c>xgboost_v1@2024-10-22..2025-01-31/v3.0</c>.
    /// </summary>
    public string Version => $"{SystemIds.Xgboost}{(Prop == PropType.Points ? "" : ":" + Prop.Code())}@{TrainedFrom:yyyy-MM-dd}..{TrainedUntil:yyyy-MM-dd}/{FeatureVersion}";

    /// <summary>
    /// Trains on <paramref name="examples"/>; deterministic for the same examples (in the same order) and options.
    /// </summary>
    /// <exception cref="ArgumentException">No examples, examples of several feature versions, or a non-finite points value.</exception>
    public static BoostedTreesModel Train(IEnumerable<TrainingExample> examples, BoostedTreesTrainingOptions? options = null, PropType prop = PropType.Points)
    {
        options ??= new BoostedTreesTrainingOptions();
        options.Validate();
        var list = examples.ToList();
        if (list.Count == 0) throw new ArgumentException("no training examples", nameof(examples));
        var versions = list.Select(e => e.Features.FeatureVersion).Distinct().ToArray();
        if (versions.Length > 1)
            throw new ArgumentException($"examples mix feature versions {string.Join(", ", versions)}; train on one version", nameof(examples));
        if (list.FirstOrDefault(e => !double.IsFinite(e.Points)) is { } bad)
            throw new ArgumentException($"non-finite points {bad.Points} for {bad.Features.Key}", nameof(examples));

        var residuals = list.Select(e => e.Points - ModelBaseline.For(e.Features, prop)).ToArray();
        var sorted = residuals.Order().ToArray();
        var low = Quantile(sorted, options.LabelClipQuantile);
        var high = Quantile(sorted, 1 - options.LabelClipQuantile);
        var rows = list.Select((e, i) => new ModelInput
        {
            Features = ModelFeatureVector.From(e.Features),
            Label = (float)Math.Clamp(residuals[i], low, high),
        }).ToList();
        var context = new MLContext(options.Seed);
        var data = context.Data.LoadFromEnumerable(rows, ModelInput.CreateSchema());
        var trainer = context.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = nameof(ModelInput.Label),
            FeatureColumnName = nameof(ModelInput.Features),
            NumberOfTrees = options.NumberOfTrees,
            NumberOfLeaves = options.NumberOfLeaves,
            MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
            LearningRate = options.LearningRate,
            NumberOfThreads = options.NumberOfThreads,
            Seed = options.Seed,
        });
        var model = trainer.Fit(data);

        var scores = model.Transform(data).GetColumn<float>(nameof(ModelOutput.Score)).ToArray();
        // The constant that minimises the in-sample absolute error: the median of what the trees leave unexplained.
        var offset = Quantile(residuals.Select((r, i) => r - scores[i]).Order().ToArray(), 0.5);
        var absoluteError = residuals.Select((r, i) => Math.Abs(scores[i] + offset - r)).Sum();
        var manifest = new ModelManifest
        {
            Format = ModelManifest.CurrentFormat,
            System = SystemIds.Xgboost,
            Prop = prop.Code(),
            MedianOffset = offset,
            TrainedFrom = list.Min(e => e.Features.GameDate),
            TrainedUntil = list.Max(e => e.Features.GameDate),
            FeatureVersion = versions[0],
            ExampleCount = list.Count,
            TrainingMae = absoluteError / rows.Count,
            FeatureColumns = CurrentFeatureColumns(),
        };
        return new BoostedTreesModel(context, model, data.Schema, manifest);
    }

    /// <summary>The predicted value of the model's prop for one feature row. Thread-safe.</summary>
    public double Predict(PlayerFeatures features) =>
        ModelBaseline.For(features, Prop) + _trees.Evaluate(ModelFeatureVector.From(features)) + _manifest.MedianOffset;

    /// <summary>The trees' part of <see cref="Predict"/>: what the ensemble scores for the row.</summary>
    internal float TreeScore(PlayerFeatures features) => _trees.Evaluate(ModelFeatureVector.From(features));

    /// <summary>The trained trees as ML.NET holds them.</summary>
    internal RegressionTreeEnsemble Trees => TreesOf(_model);

    /// <summary>What ML.NET's own transform scores for these rows: the reference <see cref="Predict"/>'s trees must match.</summary>
    internal float[] MlNetScores(IEnumerable<PlayerFeatures> rows)
    {
        var data = _context.Data.LoadFromEnumerable(rows.Select(f => new ModelInput { Features = ModelFeatureVector.From(f) }), ModelInput.CreateSchema());
        return _model.Transform(data).GetColumn<float>(nameof(ModelOutput.Score)).ToArray();
    }

    private static RegressionTreeEnsemble TreesOf(ITransformer model) =>
        model is IPredictionTransformer<object> { Model: FastTreeRegressionModelParameters parameters }
            ? parameters.TrainedTreeEnsemble
            : throw new InvalidDataException($"not a FastTree regression model: {model.GetType().Name}");

    /// <summary>The q-quantile of sorted values (linear interpolation between neighbours).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /// <summary>Writes the model and its metadata as a zip archive (the stream is left open).</summary>
    public void Save(Stream stream)
    {
        using var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        // A fixed timestamp: saving the same model twice writes the same archive entries.
        var stamp = new DateTimeOffset(TrainedUntil.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var manifestEntry = archive.CreateEntry(ManifestEntry);
        manifestEntry.LastWriteTime = stamp;
        using (var manifestStream = manifestEntry.Open())
            JsonSerializer.Serialize(manifestStream, _manifest, Json);

        var modelEntry = archive.CreateEntry(ModelEntry);
        modelEntry.LastWriteTime = stamp;
        using var buffer = new MemoryStream();
        _context.Model.Save(_model, _inputSchema, buffer);
        buffer.Position = 0;
        using var modelStream = modelEntry.Open();
        buffer.CopyTo(modelStream);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">Not a model file, an unknown format, or a feature layout other than the current catalog's.</exception>
    public static BoostedTreesModel Load(Stream stream)
    {
        using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var manifestEntry = archive.GetEntry(ManifestEntry) ?? throw new InvalidDataException($"not an {SystemIds.Xgboost} model: no {ManifestEntry}");
        ModelManifest manifest;
        using (var manifestStream = manifestEntry.Open())
            manifest = JsonSerializer.Deserialize<ModelManifest>(manifestStream, Json)
                       ?? throw new InvalidDataException($"empty {ManifestEntry}");

        if (manifest.Format != ModelManifest.CurrentFormat || manifest.System != SystemIds.Xgboost)
            throw new InvalidDataException($"unsupported model: system {manifest.System}, format {manifest.Format}");
        if (!manifest.FeatureColumns.SequenceEqual(CurrentFeatureColumns()))
            throw new InvalidDataException(
                $"model was trained on a different feature layout ({manifest.FeatureColumns.Count} features, version {manifest.FeatureVersion}) " +
                $"than the current catalog ({FeatureCatalog.Count} features, version {FeatureCatalog.Version}); retrain it");

        var modelEntry = archive.GetEntry(ModelEntry) ?? throw new InvalidDataException($"model file has no {ModelEntry}");
        using var buffer = new MemoryStream();
        using (var modelStream = modelEntry.Open())
            modelStream.CopyTo(buffer);
        buffer.Position = 0;

        var context = new MLContext(seed: 0); // prediction draws no random numbers; a fixed seed keeps it that way
        var model = context.Model.Load(buffer, out var inputSchema);
        return new BoostedTreesModel(context, model, inputSchema, manifest);
    }

    private static string[] CurrentFeatureColumns() => FeatureCatalog.All.Select(f => f.ColumnName()).ToArray();
}
