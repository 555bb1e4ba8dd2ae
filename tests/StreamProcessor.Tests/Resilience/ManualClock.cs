namespace StreamProcessor.Tests.Resilience;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.Parse("2025-02-12T18:00:00Z");
    public override DateTimeOffset GetUtcNow() => Now;
}
