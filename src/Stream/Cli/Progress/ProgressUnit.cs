using System.Globalization;

namespace StreamProcessor.Stream.Cli.Progress;

/// <summary>What a progress count counts, and how to print it: "12,345 rows" or "3.2 MB".</summary>
public sealed record ProgressUnit(string Name, bool IsBytes = false)
{
    public static ProgressUnit Bytes { get; } = new("bytes", IsBytes: true);

    /// <param name="named">False for the first count of "50 of 200 rows"; sizes always keep their unit.</param>
    public string Format(long count, bool named = true) => IsBytes
        ? (count / 1024d / 1024d).ToString("F1", CultureInfo.InvariantCulture) + " MB"
        : count.ToString("N0", CultureInfo.InvariantCulture) + (named && Name.Length > 0 ? " " + Name : "");
}
