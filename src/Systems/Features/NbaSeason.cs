namespace StreamProcessor.Systems.Features;

/// <summary>
/// The NBA season a date belongs to, named by the year it starts: a date in August-December
/// belongs to the season starting that year, a date in January-July to the one that started
/// the year before (2025-02-12 is in season 2024, i.e. 2024-25).
/// </summary>
public static class NbaSeason
{
    /// <summary>August: the first month of a season, safely after the finals and before opening night.</summary>
    public const int FirstMonth = 8;

    public static int StartYearOf(DateOnly date) => date.Month >= FirstMonth ? date.Year : date.Year - 1;
}
