namespace StreamProcessor.Stream.Sources;

/// <summary>
/// The acknowledged numbers of one id prefix (one spool file, say): everything up to a high-water mark, plus the
/// sparse set acknowledged above it. Lines are acknowledged nearly in order, so the set stays small however long
/// the file: memory is one number per prefix plus the numbers acknowledged out of order.
/// </summary>
internal sealed class AckRange
{
    public long HighWaterMark { get; private set; }

    public SortedSet<long> Above { get; } = [];

    public bool Contains(long number) => number <= HighWaterMark || Above.Contains(number);

    public void Add(long number)
    {
        if (number <= HighWaterMark) return;
        if (number != HighWaterMark + 1)
        {
            Above.Add(number);
            return;
        }
        HighWaterMark = number;
        while (Above.Remove(HighWaterMark + 1)) HighWaterMark++;
    }

    public void Restore(long highWaterMark, IEnumerable<long> above)
    {
        HighWaterMark = Math.Max(HighWaterMark, highWaterMark);
        foreach (var n in above) Add(n);
        while (Above.Count > 0 && Above.Min <= HighWaterMark) Above.Remove(Above.Min);
        while (Above.Remove(HighWaterMark + 1)) HighWaterMark++;
    }
}
