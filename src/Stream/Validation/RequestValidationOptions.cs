namespace StreamProcessor.Stream.Validation;

/// <summary>Limits a request must respect to be predicted; anything outside is dead-lettered, never retried.</summary>
public sealed record RequestValidationOptions
{
    /// <summary>Largest accepted message, in bytes.</summary>
    public int MaxPayloadBytes { get; init; } = 16 * 1024;

    /// <summary>Longest accepted player_lookup.</summary>
    public int MaxPlayerLookupLength { get; init; } = 64;

    /// <summary>Most line values in one request.</summary>
    public int MaxLineValues { get; init; } = 16;

    /// <summary>Largest sensible points line; a line at or below 0 is always rejected.</summary>
    public double MaxLineValue { get; init; } = 100;

    /// <summary>Game dates outside [EarliestGameDate, LatestGameDate] are impossible for this product.</summary>
    public DateOnly EarliestGameDate { get; init; } = new(1990, 1, 1);
    public DateOnly LatestGameDate { get; init; } = new(2099, 12, 31);

    /// <summary>
    /// A feature row computed longer ago than this many hours is stale: the request is dead-lettered
    /// (stale_features) rather than predicted from old data. 0 turns the check off (the default for
    /// embedded replays of past days; a live deployment sets it, production used 24).
    /// </summary>
    public double MaxFeatureAgeHours { get; init; }

    /// <summary>
    /// A message whose transport counts more deliveries than this (Pub/Sub's delivery_attempt, set when the
    /// subscription has a dead-letter policy) is dead-lettered as max_delivery_attempts and acknowledged. 0: no limit.
    /// </summary>
    public int MaxDeliveryAttempts { get; init; } = 10;
}
