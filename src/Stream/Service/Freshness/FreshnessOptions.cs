namespace StreamProcessor.Stream.Service.Freshness;

/// <summary>Config <c>freshness:</c>: how often <c>stream run</c> checks the age of its input tables, and what "today" is.</summary>
public sealed record FreshnessOptions
{
    /// <summary>Seconds between two checks (one small aggregate query per table, off the request path).</summary>
    public int RefreshSeconds { get; init; } = 60;

    /// <summary>The time zone whose calendar date is today's game date (NBA game dates are US Eastern).</summary>
    public string TimeZone { get; init; } = "America/New_York";
}
