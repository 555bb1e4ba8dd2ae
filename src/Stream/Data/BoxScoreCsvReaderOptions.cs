namespace StreamProcessor.Stream.Data;

/// <summary>How much the box-score reader reports before it gives up on a bad file.</summary>
public sealed record BoxScoreCsvReaderOptions
{
    /// <summary>
    /// Errors listed before reading stops (default 100): enough to show a user the pattern of
    /// what is wrong in one go, without drowning them when every row is bad.
    /// </summary>
    public int MaxErrors { get; init; } = 100;
}
