using StreamProcessor.Systems.Players;

namespace StreamProcessor.Sinks.Players;

/// <summary>
/// The player-registry seam: the canonical players (from the box scores) and their known aliases, read whole
/// (a season has a few hundred players) into a <see cref="PlayerDirectory"/> that resolves names without I/O.
/// </summary>
public interface IPlayerRegistry
{
    Task<PlayerDirectory> LoadAsync(CancellationToken cancellationToken);
}
