using System.Text.Json;
using StreamProcessor.Stream.Configuration;

namespace StreamProcessor.Tests.Configuration;

public class ConfigurationLoaderTests
{
    private static string RepositoryConfig()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config.yaml");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "StreamProcessor.sln"))) return candidate;
        }
        throw new FileNotFoundException("config.yaml of the repository not found above " + AppContext.BaseDirectory);
    }

    private static string Json(StreamOptions options) => JsonSerializer.Serialize(options);

    [Fact]
    public void The_documented_config_states_exactly_the_defaults()
    {
        // config.yaml is the documentation of every knob: it must name each default as the code has it.
        var loaded = ConfigurationLoader.Load(RepositoryConfig(), new Dictionary<string, string?>());

        Assert.Equal(Json(new StreamOptions()), Json(loaded));
    }

    [Fact]
    public void Environment_variables_override_the_file()
    {
        var loaded = ConfigurationLoader.Load(RepositoryConfig(), new Dictionary<string, string?>
        {
            ["STREAM_PIPELINE__WRITE_BATCH_SIZE"] = "7",
            ["STREAM_SYSTEMS__SIMILARITY__MIN_SIMILAR_GAMES"] = "9",
            ["OTHER_VARIABLE"] = "ignored",
        });

        Assert.Equal(7, loaded.Pipeline.WriteBatchSize);
        Assert.Equal(9, loaded.Systems.Similarity.MinSimilarGames);
    }

    [Fact]
    public void A_misspelt_key_is_an_error_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"config-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "pipeline:\n  write_batch_sise: 10\n");
        try
        {
            var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(path, new Dictionary<string, string?>()));
            Assert.Contains("write_batch_sise", error.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Dictionary_keys_keep_their_underscores_while_property_names_lose_them()
    {
        var loaded = ConfigurationLoader.Load(RepositoryConfig(), new Dictionary<string, string?>
        {
            ["STREAM_FAULTS__SYSTEMS__XGBOOST_V1__THROW_PROBABILITY"] = "0.5",
            ["STREAM_SYSTEMS__ENSEMBLE__SYSTEM_WEIGHTS__zone_matchup_v1"] = "2",
        });

        Assert.Equal(0.5, loaded.Faults.Systems["xgboost_v1"].ThrowProbability); // environment variables are upper case
        Assert.Equal(2, loaded.Systems.Ensemble.SystemWeights["zone_matchup_v1"]);
    }

    [Fact]
    public void A_missing_explicit_config_file_is_an_error()
    {
        Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load("/nonexistent/config.yaml", new Dictionary<string, string?>()));
    }
}
