namespace StreamProcessor.Google.BigQuery;

/// <summary>
/// Where the Storage API is and who we are. With <see cref="EmulatorHost"/> (BIGQUERY_STORAGE_EMULATOR_HOST=host:port)
/// a plain-text channel without credentials; otherwise Google's endpoint with Application Default Credentials.
/// </summary>
public sealed record BigQueryStorageOptions
{
    public const string EmulatorHostVariable = "BIGQUERY_STORAGE_EMULATOR_HOST";
    public const string ProjectVariable = "GOOGLE_CLOUD_PROJECT";
    public const string GoogleEndpoint = "https://bigquerystorage.googleapis.com";

    public required string Project { get; init; }

    public string? EmulatorHost { get; init; }

    public static BigQueryStorageOptions FromEnvironment(string? project = null)
    {
        var resolved = project ?? Environment.GetEnvironmentVariable(ProjectVariable);
        if (string.IsNullOrWhiteSpace(resolved))
            throw new InvalidOperationException($"no BigQuery project: set {ProjectVariable} (or bigquery.project in config.yaml)");
        var host = Environment.GetEnvironmentVariable(EmulatorHostVariable);
        return new BigQueryStorageOptions { Project = resolved, EmulatorHost = string.IsNullOrWhiteSpace(host) ? null : host };
    }
}
