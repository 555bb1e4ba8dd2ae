using System.CommandLine;
using StreamProcessor.Stream.Configuration;

namespace StreamProcessor.Stream.Cli.CommandLine;

/// <summary>The options every verb takes, before or after the verb.</summary>
internal sealed class GlobalOptions
{
    public Option<string> DataDir { get; }
    public Option<string> Config { get; } = new("--config")
    {
        Description = "the configuration file (default ./config.yaml when present)",
        HelpName = "FILE",
        Recursive = true,
    };
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "end the output with one JSON object on its own line",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "an unexpected error prints its stack trace too",
        Recursive = true,
    };

    public GlobalOptions(StreamOptions defaults)
    {
        DataDir = new Option<string>("--data-dir")
        {
            Description = $"everything embedded mode writes [default: {defaults.DataDir}, data_dir in the configuration]",
            HelpName = "DIR",
            Recursive = true,
        };
    }

    public IEnumerable<Option> All => [DataDir, Config, Json, Verbose];
}
