using Microsoft.Extensions.Hosting;

namespace StreamProcessor.Stream.Service;

/// <summary>
/// Replaces the host's console lifetime, which would catch SIGTERM and stop the HTTP server at once. Here the
/// signal belongs to <c>stream run</c>: /metrics and /healthz keep answering while the pipeline drains, and the
/// server stops only after.
/// </summary>
internal sealed class ExternallyControlledLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
