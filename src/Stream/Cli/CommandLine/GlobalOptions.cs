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

    public Option<string> Warehouse { get; }

    public GlobalOptions(StreamOptions defaults)
    {
        Warehouse = new Option<string>("--warehouse")
        {
            Description = $"embedded (the DuckDB file in the data dir) or bigquery (BIGQUERY_STORAGE_EMULATOR_HOST, GOOGLE_CLOUD_PROJECT) [default: {defaults.Warehouse.Kind}, warehouse.kind in the configuration]",
            HelpName = "KIND",
            Recursive = true,
        };
        Warehouse.AcceptOnlyFromAmong(WarehouseOptions.Embedded, WarehouseOptions.BigQuery);
        DataDir = new Option<string>("--data-dir")
        {
            Description = $"everything embedded mode writes [default: {defaults.DataDir}, data_dir in the configuration]",
            HelpName = "DIR",
            Recursive = true,
        };
    }

    public IEnumerable<Option> All => [DataDir, Config, Json, Verbose, Warehouse];
}
