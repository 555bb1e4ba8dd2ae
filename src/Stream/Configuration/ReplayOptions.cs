namespace StreamProcessor.Stream.Configuration;

/// <summary><c>stream replay</c>: how requests are made from a day's feature rows.</summary>
public sealed record ReplayOptions
{
    /// <summary>Only players with at least this many earlier games get a request (0 = every player with features).</summary>
    public int MinGamesPlayed { get; init; } = 0;

    /// <summary>Rows printed in the summary table of a replayed day.</summary>
    public int SummaryRows { get; init; } = 15;
}
