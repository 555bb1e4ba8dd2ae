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
}
