namespace StreamProcessor.Systems.Domain;

/// <summary>A validated prediction request, as the coordinator publishes it (one per player per day).</summary>
public sealed record PredictionRequest
{
    /// <summary>The transport's id for the message (Pub/Sub message id, or a replay id).</summary>
    public required string RequestId { get; init; }
    public required string PlayerLookup { get; init; }

    /// <summary>The player as the message named him; <see cref="PlayerLookup"/> is the registry's canonical lookup.</summary>
    public string? RequestedPlayerLookup { get; init; }
    public required DateOnly GameDate { get; init; }
    public required string GameId { get; init; }
    public required IReadOnlyList<double> LineValues { get; init; }

    /// <summary>The books' over prices (American odds), one per line of <see cref="LineValues"/>; null when the request carries none.</summary>
    public IReadOnlyList<double>? OverPrices { get; init; }

    /// <summary>The books' under prices, aligned with <see cref="LineValues"/> like <see cref="OverPrices"/>.</summary>
    public IReadOnlyList<double>? UnderPrices { get; init; }

    /// <summary>The statistic the lines are about; points when the message does not say.</summary>
    public PropType Prop { get; init; } = PropType.Points;

    public PlayerDate Key => new(PlayerLookup, GameDate);
}

/// <summary>The feature store's key: one row per player per game date.</summary>
public readonly record struct PlayerDate(string PlayerLookup, DateOnly GameDate)
{
    public override string ToString() => $"{PlayerLookup}@{GameDate:yyyy-MM-dd}";
}
