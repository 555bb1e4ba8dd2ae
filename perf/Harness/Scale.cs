namespace StreamProcessor.Perf.Harness;

/// <summary>
/// One size the harness replays: the days of the real season from <see cref="From"/> to <see cref="To"/>,
/// with every player cloned <see cref="Copies"/> − 1 times under a new lookup (so 5× is five times the
/// players, features, history and output rows of the real season, not the same rows rewritten).
/// </summary>
public sealed record Scale(string Name, DateOnly From, DateOnly To, int Copies = 1)
{
    public static readonly Scale Day = new("day", new(2025, 2, 12), new(2025, 2, 12));
    public static readonly Scale Month = new("month", new(2025, 2, 1), new(2025, 2, 28));
    public static readonly Scale Season = new("season", new(2024, 10, 22), new(2025, 2, 28));
    public static readonly Scale Season5 = Season with { Name = "season-5x", Copies = 5 };
    public static readonly Scale Season25 = Season with { Name = "season-25x", Copies = 25 };

    public static IReadOnlyList<Scale> Full => [Day, Month, Season, Season5, Season25];

    /// <summary>Small enough for CI to run in seconds.</summary>
    public static IReadOnlyList<Scale> Quick => [Day, Month];
}
