namespace StreamProcessor.Stream.Sources;

/// <summary>The spool that <c>stream run</c> reads in embedded mode: a directory of JSONL request files.</summary>
public sealed record SpoolOptions
{
    /// <summary>The directory of <c>*.jsonl</c> files, relative to the data dir unless absolute.</summary>
    public string Directory { get; init; } = "spool";

    /// <summary>The durable record of acknowledged lines, relative to the data dir unless absolute.</summary>
    public string AckLog { get; init; } = "spool-acks.log";

    /// <summary>How often the directory is checked for new files and appended lines when there is nothing to read.</summary>
    public int PollMilliseconds { get; init; } = 200;

    /// <summary>A nacked line (its batch's read or write failed) is delivered again after this long, within the same run.</summary>
    public int RedeliveryMilliseconds { get; init; } = 10_000;

    /// <summary>Each further nack of the same line doubles its wait, up to this.</summary>
    public int MaxRedeliveryMilliseconds { get; init; } = 600_000;

    public RedeliveryBackoff Redelivery() => new(TimeSpan.FromMilliseconds(RedeliveryMilliseconds), TimeSpan.FromMilliseconds(MaxRedeliveryMilliseconds));
}
