namespace StreamProcessor.Google.BigQuery.Sinks;

/// <summary>How long a game date's feature rows are kept, and for how many dates at most.</summary>
public sealed record FeatureCacheOptions
{
    public static FeatureCacheOptions Default { get; } = new();

    /// <summary>Features are built once a day; a rebuild is seen within this. Default 30 minutes.</summary>
    public TimeSpan TimeToLive { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Dates held at once (a range replay walks forward through them). Default 4.</summary>
    public int MaxDates { get; init; } = 4;
}
