namespace StreamProcessor.Sinks.Freshness;

/// <summary>
/// The freshness seam: for each input table the service reads, when its newest row arrived and how many rows
/// it has for a game date. One cheap aggregate per table, asked periodically by a monitor, never per request.
/// </summary>
public interface IInputFreshness
{
    Task<IReadOnlyList<InputFreshness>> ReadAsync(DateOnly today, CancellationToken cancellationToken);
}
