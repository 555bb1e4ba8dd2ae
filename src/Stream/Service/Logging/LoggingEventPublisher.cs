using Microsoft.Extensions.Logging;
using StreamProcessor.Sinks.Events;

namespace StreamProcessor.Stream.Service.Logging;

/// <summary>Logs each completed request once its event is published.</summary>
internal sealed class LoggingEventPublisher(IEventPublisher inner, ILogger logger) : IEventPublisher
{
    public async Task PublishAsync(IReadOnlyList<CompletionEvent> events, CancellationToken cancellationToken)
    {
        await inner.PublishAsync(events, cancellationToken);
        CompletedRequestLog.Completed(logger, events);
    }
}
