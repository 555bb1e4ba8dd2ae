using StreamProcessor.Sinks.Players;
using StreamProcessor.Systems.Players;

namespace StreamProcessor.Stream.Pipeline;

/// <summary>
/// The registry as the pipeline sees it: read once, and read again when a name does not resolve and the copy is
/// older than <paramref name="refreshAfter"/>, so a long-running service learns players loaded after it started
/// without a read per request.
/// </summary>
internal sealed class PlayerDirectoryCache(IPlayerRegistry registry, TimeProvider clock, TimeSpan refreshAfter)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PlayerDirectory? _directory;
    private DateTimeOffset _loadedAt;

    public async Task<PlayerResolution> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        var resolution = (await CurrentAsync(refresh: false, cancellationToken)).Resolve(name);
        if (resolution.Match != PlayerMatch.Unknown || clock.GetUtcNow() - _loadedAt < refreshAfter) return resolution;
        return (await CurrentAsync(refresh: true, cancellationToken)).Resolve(name);
    }

    private async Task<PlayerDirectory> CurrentAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (_directory is { } loaded && !refresh) return loaded;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_directory is null || (refresh && clock.GetUtcNow() - _loadedAt >= refreshAfter))
            {
                _directory = await registry.LoadAsync(cancellationToken);
                _loadedAt = clock.GetUtcNow();
            }
            return _directory;
        }
        finally
        {
            _gate.Release();
        }
    }
}
