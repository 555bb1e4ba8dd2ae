using System.Text.RegularExpressions;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Configuration;
using StreamProcessor.Tests.EndToEnd;
using Binary = StreamProcessor.Tests.EndToEnd.Cli;
using StreamProcessor.Tests.Service;

namespace StreamProcessor.Tests.Cli;

/// <summary>A bad configuration is one line per problem and exit 2; a verb given what it does not take is exit 2 before anything is opened; an unexpected failure is one line and exit 1.</summary>
public partial class ConfigurationCheckTests
{
    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Nothing a user should see: a stack frame, an exception's or a .NET type's name.</summary>
    private static void AssertNoInternals(string text)
    {
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotMatch(DotNetNames(), text);
    }

    [GeneratedRegex(@"Exception\b|System\.|Microsoft\.|BinderOptions|Int32|Double|Boolean|String\b")]
    private static partial Regex DotNetNames();

    private static async Task<Binary.Run> WithConfig(string yaml, params string[] args)
    {
        using var temp = new TempDirectory();
        var config = temp.File("config.yaml");
        await File.WriteAllTextAsync(config, yaml);
        return await Binary.RunAsync([.. args, "--config", config, "--data-dir", temp.File("data")]);
    }

    [Fact]
    public async Task A_negative_capacity_is_one_line_naming_the_file_the_key_and_what_is_allowed_exit_2()
    {
        var run = await WithConfig("pipeline: {bounded_capacity: -5}\n", "replay", "--date", "2025-02-12");

        Assert.Equal(CliApp.Usage, run.ExitCode);
        var line = Assert.Single(Lines(run.Error));
        Assert.Matches(@"^stream: .*config\.yaml: pipeline\.bounded_capacity: must be at least 1, got -5$", line);
        AssertNoInternals(run.Error);
    }

    [Fact]
    public async Task A_misspelt_key_names_the_file_and_the_key_and_lists_the_keys_its_section_takes()
    {
        var run = await WithConfig("pipeline:\n  write_batch_sise: 64\n", "features", "build");

        Assert.Equal(CliApp.Usage, run.ExitCode);
        var line = Assert.Single(Lines(run.Error));
        Assert.Contains("config.yaml: pipeline.write_batch_sise: unknown key; pipeline takes ", line);
        Assert.Contains("write_batch_size", line);
        AssertNoInternals(run.Error);
    }

    [Fact]
    public async Task A_flush_interval_of_zero_is_refused_instead_of_never_flushing_a_partial_batch()
    {
        var run = await WithConfig("pipeline:\n  batch_flush_milliseconds: 0\n", "run");

        Assert.Equal(CliApp.Usage, run.ExitCode);
        Assert.Contains("pipeline.batch_flush_milliseconds: must be at least 1, got 0", Assert.Single(Lines(run.Error)));
    }

    [Fact]
    public async Task Every_problem_of_a_file_is_reported_at_once_one_line_each()
    {
        var run = await WithConfig("""
            pipeline:
              system_parallelism: two
              write_batch_size: 0
            recommendation:
              min_probability: 1.5
            resilience:
              breaker:
                failure_threshold: 1
            service:
              log_format: xml
              log_level: Loud
            faults:
              systems: {xgbost_v1: {throw_probability: 0.5}}
            systems:
              ensemble: {system_weights: {xgboost_v1: -1}}
            validation:
              earliest_game_date: 2030-01-01
              latest_game_date: 2020-01-01
            spool:
              redelivery_milliseconds: 5000
              max_redelivery_milliseconds: 100
            freshness:
              time_zone: Mars/Olympus_Mons
            nonsense: 1
            """, "evaluate", "--from", "2025-02-01");

        Assert.Equal(CliApp.Usage, run.ExitCode);
        var lines = Lines(run.Error);
        string[] keys =
        [
            "pipeline.system_parallelism: must be a whole number, got \"two\"",
            "pipeline.write_batch_size: must be at least 1, got 0",
            "recommendation.min_probability: must be between 0.5 and 1, got 1.5",
            "resilience.breaker.failure_threshold: must be at least 2, got 1",
            "service.log_format: must be one of auto, json, text, got \"xml\"",
            "service.log_level: must be one of Trace, Debug, Information, Warning, Error, Critical, None, got \"Loud\"",
            "faults.systems.xgbost_v1: unknown system id",
            "systems.ensemble.system_weights.xgboost_v1: must be at least 0, got -1",
            "validation.earliest_game_date: must not be after validation.latest_game_date",
            "spool.max_redelivery_milliseconds: must not be below spool.redelivery_milliseconds (5000), got 100",
            "freshness.time_zone: must be an IANA time zone such as America/New_York, got \"Mars/Olympus_Mons\"",
            "nonsense: unknown key; the top level takes data_dir, pipeline,",
        ];
        Assert.Equal(keys.Length, lines.Length);
        foreach (var expected in keys) Assert.Single(lines, l => l.Contains("config.yaml: " + expected));
        AssertNoInternals(run.Error);
    }

    [Theory]
    // DuckDB refuses a row group size that is not a multiple of its vector size, deep inside the first command.
    [InlineData("STREAM_WAREHOUSE__DUCKDB_ROW_GROUP_SIZE", "3000", "warehouse.duckdb_row_group_size: must be a positive multiple of 2048 (DuckDB's vector size), got 3000")]
    // Under 128 MiB DuckDB's checkpoints ran out of memory and invalidated the database.
    [InlineData("STREAM_WAREHOUSE__DUCKDB_MEMORY_LIMIT_MB", "64", "warehouse.duckdb_memory_limit_mb: must be at least 128, got 64")]
    // DuckDB knows no such method, or cannot leave it out: it would refuse the setting when the file opens.
    [InlineData("STREAM_WAREHOUSE__DUCKDB_DISABLED_COMPRESSION", "fsst, alpha", "warehouse.duckdb_disabled_compression: \"alpha\" is not a compression method DuckDB can leave out; it takes rle, dictionary,")]
    [InlineData("STREAM_WAREHOUSE__DUCKDB_DISABLED_COMPRESSION", "uncompressed", "warehouse.duckdb_disabled_compression: \"uncompressed\" is not a compression method DuckDB can leave out")]
    public void A_duckdb_setting_duckdb_would_fail_under_is_refused_at_the_check(string variable, string value, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(null, new Dictionary<string, string?> { [variable] = value }));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_bad_environment_override_names_the_variable()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["STREAM_SPOOL__POLL_MILLISECONDS"] = "0",
            ["STREAM_PIPELINE__WRITE_BATCH_SISE"] = "3",
        }));

        Assert.Equal(
        [
            "environment variable STREAM_PIPELINE__WRITE_BATCH_SISE: pipeline.write_batch_sise: unknown key; pipeline takes bounded_capacity, max_requests_in_flight, feature_batch_size, write_batch_size, dead_letter_batch_size, batch_flush_milliseconds, decode_parallelism, feature_load_parallelism, system_parallelism",
            "environment variable STREAM_SPOOL__POLL_MILLISECONDS: spool.poll_milliseconds: must be at least 1, got 0",
        ], error.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task The_shipped_config_yaml_passes_every_rule()
    {
        var run = await Binary.RunAsync("replay", "--config", RepositoryFiles.Path("config.yaml"), "--data-dir", "/nonexistent-dir-for-this-test");

        Assert.DoesNotContain("config.yaml:", run.Error); // it fails later, on the missing replay arguments, not on the file
        Assert.Contains("replay needs --date D", run.Error);
    }

    [Theory]
    [InlineData("run --force", "Unrecognized command or argument '--force'")]
    [InlineData("features build --force", "Unrecognized command or argument '--force'")]
    [InlineData("model train --date 2025-02-01", "Unrecognized command or argument '--date'")]
    [InlineData("evaluate --from 2025-02-01 --requests x.jsonl", "Unrecognized command or argument '--requests'")]
    [InlineData("run --requests x.jsonl", "Unrecognized command or argument '--requests'")]
    [InlineData("data frobnicate", "Unrecognized command or argument 'frobnicate'")]
    public async Task A_verb_rejects_what_it_does_not_take_before_doing_anything(string commandLine, string message)
    {
        using var temp = new TempDirectory();
        var run = await Binary.RunAsync([.. commandLine.Split(' '), "--data-dir", temp.Path]);

        Assert.Equal(CliApp.Usage, run.ExitCode);
        Assert.Contains(message, run.Error);
        AssertNoInternals(run.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path)); // nothing was opened or written
    }

    [Fact]
    public void Every_option_a_command_reads_is_declared_by_a_verb()
    {
        // The commands read options by name; a name no verb declares could never be given (the parser rejects it).
        var root = StreamProcessor.Stream.Cli.CommandLine.StreamCommandLine.Build(new StreamOptions(), _ => throw new InvalidOperationException());
        var declared = StreamProcessor.Stream.Cli.CommandLine.StreamCommandLine.Verbs(root).SelectMany(v => v.Command.Options)
            .Concat(root.Options).Select(o => o.Name.TrimStart('-')).ToHashSet();
        var read = Directory.EnumerateFiles(RepositoryFiles.Path("src/Stream"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => OptionRead().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Name: m.Groups[1].Value)))
            .ToArray();

        Assert.Contains(read, r => r.Name == "force");
        Assert.All(read, r => Assert.True(declared.Contains(r.Name), $"{r.File} reads --{r.Name}, which no verb declares"));
    }

    [GeneratedRegex(@"Arguments\.(?:Get|GetDate|GetInt|Require|Has)\(""([a-z-]+)""")]
    private static partial Regex OptionRead();

    [Fact]
    public async Task An_unexpected_database_error_is_one_line_and_exit_1_with_the_stack_only_under_verbose()
    {
        using var temp = new TempDirectory();
        var csv = temp.File("small.csv");
        await File.WriteAllLinesAsync(csv, File.ReadLines(TestData.BoxScoresCsv).Take(2000)); // a slice of the shared file, read in place
        await Binary.RunOkAsync("data", "load", "--box-scores", csv, "--data-dir", temp.Path);
        // a warehouse someone damaged by hand: the feature store is gone
        WarehouseQuery.Rows(Path.Combine(temp.Path, "warehouse.duckdb"), "DROP TABLE nba_predictions.ml_feature_store_v2");

        var plain = await Binary.RunAsync("features", "build", "--data-dir", temp.Path);
        var verbose = await Binary.RunAsync("features", "build", "--data-dir", temp.Path, "--verbose");

        Assert.Equal(CliApp.Failed, plain.ExitCode);
        var line = Assert.Single(Lines(plain.Error));
        Assert.StartsWith("stream: ", line);
        Assert.Contains("ml_feature_store_v2", line);
        Assert.Contains("--verbose", line);
        AssertNoInternals(plain.Error);
        Assert.Equal(CliApp.Failed, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Error);
    }
}
