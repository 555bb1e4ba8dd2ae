using System.Text.Json;
using System.Text.Json.Serialization;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Cli.Progress;
using StreamProcessor.Stream.Configuration;

namespace StreamProcessor.Stream.Cli;

/// <summary>What every command gets: its arguments, the configuration, the data dir and where to write.</summary>
public sealed class CommandContext(Arguments arguments, StreamOptions options, string dataDir, TextWriter output, TextWriter error, Terminals terminals = default)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public Arguments Arguments { get; } = arguments;
    public StreamOptions Options { get; } = options;
    public string DataDir { get; } = dataDir;
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = TextWriter.Synchronized(error); // progress lines come from a timer thread
    public bool JsonOutput => Arguments.Has("json");
    public Terminals Terminals { get; } = terminals;

    public Warehouse OpenWarehouse() => Warehouse.OpenInDirectory(DataDir, Options.Warehouse.DuckDbSettings());

    /// <summary>A line of the human summary.</summary>
    public void Say(string line) => Output.WriteLine(line);

    /// <summary>A note about what the command is doing on the user's behalf (training a model first, ...).</summary>
    public void Note(string line) => Error.WriteLine(line);

    /// <summary>With --json, the command's machine-readable result as the last line of stdout.</summary>
    public void Result(object summary)
    {
        if (JsonOutput) Output.WriteLine(JsonSerializer.Serialize(summary, summary.GetType(), Json));
    }

    /// <summary>Progress of a long step on stderr: a live bar on a terminal, a plain line every few seconds otherwise.</summary>
    public ProgressReporter Progress(string label, long? total = null, string unit = "") => Progress(label, total, new ProgressUnit(unit));

    public ProgressReporter Progress(string label, long? total, ProgressUnit unit) => new(label, total, unit, Error, Terminals.Error);

    public string ResolveInDataDir(string path) => Path.IsPathRooted(path) ? path : Path.Combine(DataDir, path);
}
