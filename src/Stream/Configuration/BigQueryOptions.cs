namespace StreamProcessor.Stream.Configuration;

/// <summary>
/// The BigQuery warehouse. The endpoint is not configured here: BIGQUERY_STORAGE_EMULATOR_HOST=host:port selects a
/// local Storage server (plain text, no credentials), otherwise Google's endpoint with Application Default Credentials.
/// </summary>
public sealed record BigQueryOptions
{
    /// <summary>The project holding the datasets; empty takes GOOGLE_CLOUD_PROJECT.</summary>
    public string Project { get; init; } = "";
}
