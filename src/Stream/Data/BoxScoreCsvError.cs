namespace StreamProcessor.Stream.Data;

/// <summary>
/// One problem found in a box-score file, precise enough to fix by hand:
/// <c>box.csv:17: column PTS: expected a non-negative integer, got "-3"</c>.
/// </summary>
/// <param name="SourceName">The file name (or any label) the caller gave the reader.</param>
/// <param name="LineNumber">Physical 1-based line; the header is line 1.</param>
/// <param name="Column">The column at fault, or null when the whole row is (e.g. wrong field count).</param>
/// <param name="Reason">What is wrong, phrased as what was expected.</param>
/// <param name="Value">The offending text, shortened to about 60 characters, or null when there is none.</param>
public sealed record BoxScoreCsvError(string SourceName, int LineNumber, string? Column, string Reason, string? Value)
{
    public const int MaxValueLength = 60;

    public override string ToString()
    {
        var where = Column is null ? "" : $"column {Column}: ";
        var got = Value is null ? "" : $", got \"{Value}\"";
        return $"{SourceName}:{LineNumber}: {where}{Reason}{got}";
    }

    internal static string Shorten(string value) =>
        value.Length <= MaxValueLength ? value : value[..MaxValueLength] + "…";
}
