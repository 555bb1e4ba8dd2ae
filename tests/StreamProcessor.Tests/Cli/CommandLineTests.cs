using System.CommandLine;
using System.Diagnostics;
using System.Text.RegularExpressions;
using StreamProcessor.Stream.Cli;
using StreamProcessor.Stream.Cli.CommandLine;
using StreamProcessor.Stream.Configuration;

namespace StreamProcessor.Tests.Cli;

/// <summary>The command line as a user meets it: the real binary's help, version, typo suggestions and exit codes.</summary>
public sealed class CommandLineTests
{
    private static readonly RootCommand Declared = StreamCommandLine.Build(new StreamOptions(), _ => throw new InvalidOperationException("not run"));

    public static TheoryData<string> Verbs() => [.. StreamCommandLine.Verbs(Declared).Select(v => v.Words)];

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Every_verb_has_its_own_help_listing_its_options(string verb)
    {
        var run = await Binary([.. verb.Split(' '), "--help"]);

        Assert.Equal(0, run.ExitCode);
        var command = StreamCommandLine.Verbs(Declared).Single(v => v.Words == verb).Command;
        Assert.Contains($"stream {verb} [options]", run.Output);
        foreach (var option in command.Options.Concat(Declared.Options.Where(o => o.Recursive)))
            Assert.Contains(option.Name, run.Output);
        Assert.Contains(command.Description!, run.Output);
    }

    [Fact]
    public async Task Help_lists_every_verb()
    {
        var run = await Binary("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var word in new[] { "data", "features", "model", "replay", "evaluate", "run" })
            Assert.Matches(new Regex($"^  {word} ", RegexOptions.Multiline), run.Output);
    }

    [Fact]
    public async Task Help_shows_the_configurations_values_as_defaults()
    {
        using var dir = new TempDirectory();
        var config = Path.Combine(dir.Path, "custom.yaml");
        File.WriteAllText(config, "service:\n  port: 9191\nsynth:\n  seed: 77\n");

        Assert.Contains("9191 from service.port", (await Binary("run", "--help", "--config", config)).Output);
        Assert.Contains("default: 77", (await Binary("--config", config, "data", "synth", "--help")).Output);
    }

    [Fact]
    public async Task Version_names_the_product_and_the_feature_version_its_models_need()
    {
        var run = await Binary("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^stream \d+\.\d+\.\d+ \(features v\d+\.\d+", run.Output);
    }

    [Theory]
    [InlineData("--dat", "--date", "replay")]
    [InlineData("--froom", "--from", "evaluate")]
    public async Task A_misspelt_option_exits_2_with_a_suggestion(string typo, string meant, string verb)
    {
        var run = await Binary(verb, typo, "2025-02-12");

        Assert.Equal(CliApp.Usage, run.ExitCode);
        Assert.Contains($"'{typo}' was not matched. Did you mean", run.Error);
        Assert.Contains(meant, run.Error);
        Assert.Contains($"stream {verb} --help", run.Error);
    }

    [Fact]
    public async Task A_misspelt_verb_exits_2_with_a_suggestion()
    {
        var run = await Binary("repaly", "--date", "2025-02-12");

        Assert.Equal(CliApp.Usage, run.ExitCode);
        Assert.Contains("Did you mean", run.Error);
        Assert.Contains("replay", run.Error);
    }

    [Theory]
    [InlineData("run", "--force")]                    // accepted before, and it silently disabled smart skip
    [InlineData("data", "load", "--date", "2025-02-12")]
    [InlineData("model", "train", "--from", "2025-02-12")]
    public async Task A_verb_rejects_options_it_does_not_take(params string[] args)
    {
        var run = await Binary(args);

        Assert.Equal(CliApp.Usage, run.ExitCode);
        Assert.Contains($"Unrecognized command or argument '{args.First(a => a.StartsWith("--"))}'", run.Error);
    }

    [Theory]
    [InlineData("replay --date 2025-02-30", "--date must be a date as YYYY-MM-DD, got \"2025-02-30\"")]
    [InlineData("run --port 70000", "--port must be from 0 to 65535, got 70000")]
    [InlineData("run --port eighty", "--port must be a whole number, got \"eighty\"")]
    [InlineData("evaluate --from 2025-02-01 --prop pts", "--prop must be one or more of points, rebounds, assists, threes (comma-separated) or all, got \"pts\"")]
    [InlineData("replay --date 2025-02-12 --events kafka", "Argument 'kafka' not recognized. Must be one of:")]
    public async Task A_bad_value_is_named_with_what_is_allowed_and_exits_2(string line, string message)
    {
        var run = await Binary(line.Split(' '));

        Assert.Equal(CliApp.Usage, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.DoesNotContain("Exception", run.Error);
    }

    [Fact]
    public async Task Tab_completion_offers_the_verbs_options_and_values()
    {
        // What dotnet-suggest asks the binary for: the whole line and the cursor position.
        var options = await Binary("[suggest:10]", "replay --d");
        var props = await Binary("[suggest:16]", "evaluate --prop ");

        Assert.Equal(["--data-dir", "--date"], options.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(["all", "assists", "points", "rebounds", "threes"], props.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Global_options_work_before_or_after_the_verb()
    {
        using var before = new TempDirectory();
        using var after = new TempDirectory();

        var first = await Binary("--data-dir", before.Path, "--json", "data", "synth", "--seed", "3");
        var second = await Binary("data", "synth", "--seed", "3", "--json", "--data-dir", after.Path);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.True(File.Exists(Path.Combine(before.Path, "warehouse.duckdb")));
        Assert.True(File.Exists(Path.Combine(after.Path, "warehouse.duckdb")));
        Assert.Equal(Summary(first).GetProperty("rows").GetInt32(), Summary(second).GetProperty("rows").GetInt32());

        static System.Text.Json.JsonElement Summary(Run run) => System.Text.Json.JsonDocument.Parse(run.Output.TrimEnd().Split('\n')[^1]).RootElement;
    }

    [Fact]
    public async Task A_response_file_holds_a_command_line()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "typo.rsp");
        File.WriteAllLines(file, ["replay", "--dat", "2025-02-12"]);

        var run = await Binary("@" + file);

        Assert.Equal(CliApp.Usage, run.ExitCode);
        Assert.Contains("--date", run.Error);
    }

    [Fact]
    public void Every_command_line_in_the_readme_parses()
    {
        var lines = ReadmeCommandLines().ToArray();

        Assert.True(lines.Length >= 8, $"found only {lines.Length} command lines in the README");
        foreach (var line in lines)
        {
            var parsed = Declared.Parse(line);
            Assert.True(parsed.Errors.Count == 0, $"README command line does not parse: stream {line}\n{string.Join('\n', parsed.Errors.Select(e => e.Message))}");
            Assert.True(parsed.CommandResult.Command.Action is not null, $"README command line names no verb: stream {line}");
        }
    }

    [Fact]
    public void The_readmes_command_line_reference_is_the_declarations()
    {
        const string begin = "<!-- command-line reference: generated from the declarations, checked by CommandLineTests -->";
        const string end = "<!-- end of command-line reference -->";
        var path = Path.Combine(RepositoryRoot(), "README.md");
        var readme = File.ReadAllText(path);
        var expected = CommandLineReference.Markdown(Declared);
        var start = readme.IndexOf(begin, StringComparison.Ordinal);
        var stop = readme.IndexOf(end, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, $"README.md lacks the markers {begin} ... {end}");
        var actual = readme[(start + begin.Length)..stop].Trim('\n');

        if (actual != expected.Trim('\n') && Environment.GetEnvironmentVariable("UPDATE_README") == "1")
        {
            File.WriteAllText(path, readme[..(start + begin.Length)] + "\n" + expected + readme[stop..]);
            return;
        }
        Assert.True(actual == expected.Trim('\n'),
            "README.md's command-line reference differs from the declarations; rerun with UPDATE_README=1 to rewrite it. Expected:\n" + expected);
    }

    /// <summary>Every `dotnet run --project src/Stream -- ...` line of the README, with its shell variables filled in.</summary>
    private static IEnumerable<string> ReadmeCommandLines()
    {
        const string prefix = "dotnet run --project src/Stream -- ";
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        foreach (var raw in readme)
        {
            var at = raw.IndexOf(prefix, StringComparison.Ordinal);
            if (at < 0 || raw.Contains("<verb>")) continue;
            var line = raw[(at + prefix.Length)..];
            if (line.IndexOf('#') is var comment and >= 0) line = line[..comment];
            line = line.Split('`')[0].Replace("$D", "--data-dir ./data-real").Trim();
            yield return line;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "StreamProcessor.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("StreamProcessor.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed record Run(int ExitCode, string Output, string Error);

    private static async Task<Run> Binary(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        info.ArgumentList.Add(StreamProcess.Dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("STREAM_", StringComparison.Ordinal)).ToArray()) info.Environment.Remove(key);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output, await error);
    }
}
