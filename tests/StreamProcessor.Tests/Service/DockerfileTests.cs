using System.Text.Json;
using System.Text.RegularExpressions;
using StreamProcessor.Stream.Configuration;
using StreamProcessor.Stream.Service;

namespace StreamProcessor.Tests.Service;

/// <summary>No Docker engine runs here, so the Dockerfile's essentials are read and checked instead.</summary>
public partial class DockerfileTests
{
    private sealed record Instruction(string Keyword, string Arguments, int Stage);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static readonly string Text = File.ReadAllText(RepositoryFiles.Path("Dockerfile"));

    private static List<Instruction> Instructions()
    {
        var joined = Regex.Replace(Text, @"\\\r?\n", " ");
        var stage = -1;
        var instructions = new List<Instruction>();
        foreach (var raw in joined.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = Whitespace().Split(line, 2);
            var keyword = parts[0].ToUpperInvariant();
            if (keyword == "FROM") stage++;
            instructions.Add(new Instruction(keyword, parts.Length > 1 ? parts[1] : "", stage));
        }
        return instructions;
    }

    private static List<Instruction> FinalStage()
    {
        var all = Instructions();
        return all.Where(i => i.Stage == all.Max(x => x.Stage)).ToList();
    }

    [Fact]
    public void It_builds_with_the_sdk_and_runs_self_contained_on_the_runtime_deps_image()
    {
        var froms = Instructions().Where(i => i.Keyword == "FROM").Select(i => i.Arguments).ToArray();
        Assert.True(froms.Length >= 2, "multi-stage: a build stage and a runtime stage");
        Assert.Matches(@"dotnet/sdk:10\.0\s+AS\s+build", froms[0]);
        // runtime-deps holds no .NET runtime: only a self-contained publish runs on it.
        Assert.Matches(@"dotnet/runtime-deps:10\.0", froms[^1]);
        Assert.Contains(FinalStage(), i => i.Keyword == "COPY" && i.Arguments.StartsWith("--from=build", StringComparison.Ordinal));
        var publish = Assert.Single(Instructions(), i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish src/Stream/Stream.csproj")).Arguments;
        Assert.Contains("--self-contained true", publish);
        Assert.Contains("-p:PublishReadyToRunComposite=true", publish);
    }

    [Fact]
    public void It_runs_stream_run_as_a_non_root_user()
    {
        var final = FinalStage();
        var user = Assert.Single(final, i => i.Keyword == "USER").Arguments;
        Assert.DoesNotMatch(@"^(root|0)(:|$)", user);
        var entrypoint = JsonSerializer.Deserialize<string[]>(Assert.Single(final, i => i.Keyword == "ENTRYPOINT").Arguments)!;
        var cmd = JsonSerializer.Deserialize<string[]>(Assert.Single(final, i => i.Keyword == "CMD").Arguments)!;
        Assert.Equal(["/app/stream", "run"], entrypoint.Concat(cmd));
    }

    [Fact]
    public void It_bakes_config_yaml_whose_keys_the_environment_overrides()
    {
        var final = FinalStage();
        Assert.Contains(final, i => i.Keyword == "COPY" && i.Arguments.StartsWith("config.yaml ", StringComparison.Ordinal));
        Assert.Contains(final, i => i.Keyword == "WORKDIR" && i.Arguments == "/app"); // where ./config.yaml is looked for

        // The image's own environment must be valid configuration (an unknown key is an error).
        var environment = final.Where(i => i.Keyword == "ENV")
            .SelectMany(i => Regex.Matches(i.Arguments, @"(\w+)=(\S+)").Select(m => KeyValuePair.Create(m.Groups[1].Value, (string?)m.Groups[2].Value)))
            .ToDictionary();
        var options = ConfigurationLoader.Load(RepositoryFiles.Path("config.yaml"), environment);
        Assert.Equal("/data", options.DataDir);
    }

    [Fact]
    public void It_exposes_the_service_port_and_documents_the_probes()
    {
        var final = FinalStage();
        Assert.Equal(new ServiceOptions().Port.ToString(), Assert.Single(final, i => i.Keyword == "EXPOSE").Arguments);
        Assert.True(final.Any(i => i.Keyword == "HEALTHCHECK") || (Text.Contains("/healthz") && Text.Contains("/readyz")),
            "a HEALTHCHECK, or the /healthz and /readyz probes documented");
    }

    [Fact]
    public void Everything_it_copies_from_the_repository_exists_and_is_not_docker_ignored()
    {
        var ignored = File.ReadAllLines(RepositoryFiles.Path(".dockerignore")).Select(l => l.Trim().TrimEnd('/')).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        foreach (var copy in Instructions().Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--", StringComparison.Ordinal)))
        {
            var sources = Whitespace().Split(copy.Arguments)[..^1];
            foreach (var source in sources)
            {
                var path = RepositoryFiles.Path(source.TrimEnd('/'));
                Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY {source}: not in the repository");
                Assert.DoesNotContain(source.TrimEnd('/'), ignored);
            }
        }
    }
}
