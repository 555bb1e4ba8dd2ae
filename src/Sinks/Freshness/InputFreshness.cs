namespace StreamProcessor.Sinks.Freshness;

/// <summary>
/// One input table's freshness: <paramref name="Table"/> is a short stable name (a metric label: <c>box_scores</c>,
/// <c>features</c>, ...); <paramref name="NewestRowAt"/> is when its newest row was loaded or computed (null when
/// it is empty); <paramref name="RowsToday"/> counts its rows for today's game date (null for a table without dates).
/// </summary>
public sealed record InputFreshness(string Table, DateTimeOffset? NewestRowAt, long? RowsToday);
