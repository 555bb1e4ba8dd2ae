namespace StreamProcessor.Stream.Configuration;

/// <summary>Which warehouse the verbs work against (also: the global --warehouse option).</summary>
public sealed record WarehouseOptions
{
    public const string Embedded = "embedded", BigQuery = "bigquery";

    /// <summary><c>embedded</c> (the DuckDB file in the data dir) or <c>bigquery</c> (the Storage Write and Read APIs).</summary>
    public string Kind { get; init; } = Embedded;
}
