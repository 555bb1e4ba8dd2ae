using System.IO.Compression;
using System.Text.Json.Nodes;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Prediction.Systems.BoostedTrees;
using Xunit;

namespace StreamProcessor.Tests.Systems;

/// <summary>One small model, trained once for all the model tests.</summary>
public sealed class TrainedModelFixture
{
    /// <summary>Small enough to train in well under a second, large enough to learn the synthetic signal.</summary>
    public static readonly BoostedTreesTrainingOptions Options = new()
    {
        NumberOfTrees = 100, NumberOfLeaves = 16, MinimumExampleCountPerLeaf = 20, LearningRate = 0.1,
    };

    public TrainedModelFixture()
    {
        var examples = SyntheticExamples.Generate(3000, seed: 7);
        Training = examples.Take(2400).ToList();
        HeldOut = examples.Skip(2400).ToList();
        Model = BoostedTreesModel.Train(Training, Options);
    }

    public List<TrainingExample> Training { get; }
    public List<TrainingExample> HeldOut { get; }
    public BoostedTreesModel Model { get; }
}

public class BoostedTreesModelTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    private BoostedTreesModel Model => fixture.Model;

    [Fact]
    public void Learns_the_signal_despite_missing_features_in_every_row()
    {
        var trainingMean = fixture.Training.Average(e => e.Points);
        var meanMae = fixture.HeldOut.Average(e => Math.Abs(trainingMean - e.Points));
        var modelMae = fixture.HeldOut.Average(e => Math.Abs(Model.Predict(e.Features) - e.Points));

        // Noise alone costs about 2 * sqrt(2/pi) = 1.6 points; predicting the mean costs about 5.4.
        Assert.True(modelMae < 0.5 * meanMae, $"held-out MAE {modelMae:F2} vs {meanMae:F2} for the mean");
        Assert.True(modelMae < 2.5, $"held-out MAE {modelMae:F2}");
    }

    [Fact]
    public void Records_what_it_was_trained_on()
    {
        Assert.Equal(2400, Model.ExampleCount);
        Assert.Equal(new DateOnly(2025, 2, 1), Model.TrainedUntil);
        Assert.Equal("v3.0", Model.FeatureVersion);
        Assert.Equal("xgboost_v1@2024-11-04..2025-02-01/v3.0", Model.Version);
        var trainingMae = fixture.Training.Average(e => Math.Abs(Model.Predict(e.Features) - e.Points));
        Assert.Equal(trainingMae, Model.TrainingMae, 1e-4);
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var again = BoostedTreesModel.Train(fixture.Training, TrainedModelFixture.Options);

        foreach (var example in fixture.HeldOut)
            Assert.Equal(Model.Predict(example.Features), again.Predict(example.Features));
        Assert.Equal(Model.TrainingMae, again.TrainingMae);
    }

    [Fact]
    public void Walking_the_trees_scores_exactly_what_MLNET_scores_even_on_the_splits_and_missing_values()
    {
        // Rows sitting exactly on split thresholds (the <= side) and rows with missing features, besides real ones.
        var thresholds = Model.Trees.Trees.SelectMany(t => t.NumericalSplitFeatureIndexes.Zip(t.NumericalSplitThresholds)).Take(200).ToArray();
        Assert.NotEmpty(thresholds);
        var rows = fixture.HeldOut.Select(e => e.Features).ToList();
        var template = rows[0];
        PlayerFeatures With(int feature, double value)
        {
            var values = template.Values.ToArray();
            values[feature] = value;
            return new PlayerFeatures(template.Key, template.GameId, template.Team, template.Opponent, values, template.FeatureVersion);
        }
        foreach (var (feature, threshold) in thresholds)
        {
            rows.Add(With(feature, threshold));
            rows.Add(With(feature, double.NaN));
        }

        var reference = Model.MlNetScores(rows);
        Assert.Equal(rows.Count, reference.Length);
        for (var i = 0; i < rows.Count; i++)
            Assert.Equal(reference[i], Model.TreeScore(rows[i]));
        Assert.True(reference.Distinct().Count() > rows.Count / 10, "the rows should reach many different leaves");
    }

    [Fact]
    public void Save_and_load_round_trip_to_identical_predictions()
    {
        using var file = new MemoryStream();
        Model.Save(file);
        file.Position = 0;

        var loaded = BoostedTreesModel.Load(file);

        foreach (var example in fixture.HeldOut)
            Assert.Equal(Model.Predict(example.Features), loaded.Predict(example.Features));
        Assert.Equal(Model.Version, loaded.Version);
        Assert.Equal(Model.ExampleCount, loaded.ExampleCount);
        Assert.Equal(Model.TrainingMae, loaded.TrainingMae);
    }

    [Fact]
    public void Concurrent_predictions_match_sequential_ones()
    {
        var rows = fixture.HeldOut.Select(e => e.Features).ToArray();
        var sequential = rows.Select(Model.Predict).ToArray();

        const int threads = 16;
        var results = new double[threads][];
        var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var mine = new double[rows.Length];
            start.SignalAndWait();
            // each thread walks the rows from a different offset so the same rows are predicted at the same time rarely
            for (var k = 0; k < rows.Length; k++)
            {
                var i = (k + t * 37) % rows.Length;
                mine[i] = Model.Predict(rows[i]);
            }
            results[t] = mine;
        })).ToArray();
        foreach (var worker in workers) worker.Start();
        foreach (var worker in workers) worker.Join();

        foreach (var result in results)
            Assert.Equal(sequential, result);
    }

    [Fact]
    public void Refuses_examples_of_mixed_feature_versions()
    {
        var mixed = fixture.Training.Take(100)
            .Append(new TrainingExample(new FeaturesBuilder().WithVersion("v1.0").Build(), 10));

        Assert.Throws<ArgumentException>(() => BoostedTreesModel.Train(mixed, TrainedModelFixture.Options));
    }

    [Fact]
    public void Refuses_to_train_on_nothing()
    {
        Assert.Throws<ArgumentException>(() => BoostedTreesModel.Train([], TrainedModelFixture.Options));
    }

    [Fact]
    public void Load_rejects_a_model_of_another_feature_layout()
    {
        using var file = new MemoryStream();
        Model.Save(file);
        using (var archive = new ZipArchive(file, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.GetEntry("manifest.json")!;
            JsonNode manifest;
            using (var read = entry.Open()) manifest = JsonNode.Parse(read)!;
            manifest["FeatureColumns"]!.AsArray().RemoveAt(0);
            entry.Delete();
            using var write = archive.CreateEntry("manifest.json").Open();
            using var writer = new System.Text.Json.Utf8JsonWriter(write);
            manifest.WriteTo(writer);
        }
        file.Position = 0;

        var error = Assert.Throws<InvalidDataException>(() => BoostedTreesModel.Load(file));
        Assert.Contains("different feature layout", error.Message);
    }

    [Fact]
    public void Load_rejects_something_that_is_not_a_model()
    {
        using var file = new MemoryStream();
        using (var archive = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            archive.CreateEntry("other.txt");
        file.Position = 0;

        Assert.Throws<InvalidDataException>(() => BoostedTreesModel.Load(file));
    }
}
