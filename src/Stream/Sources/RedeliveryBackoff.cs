namespace StreamProcessor.Stream.Sources;

/// <summary>
/// How long a nacked message waits before it is delivered again: <see cref="First"/> after its first delivery,
/// doubling with each later one up to <see cref="Max"/> (Pub/Sub's retry policy has the same shape: 10 s .. 600 s).
/// </summary>
public sealed record RedeliveryBackoff(TimeSpan First, TimeSpan Max)
{
    public static RedeliveryBackoff Default { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10));

    /// <summary>The wait after delivery number <paramref name="deliveryAttempt"/> (1 = the first) was nacked.</summary>
    public TimeSpan After(int deliveryAttempt)
    {
        var doublings = Math.Clamp(deliveryAttempt - 1, 0, 30);
        var ticks = First.Ticks * Math.Pow(2, doublings);
        return ticks >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ticks);
    }
}
