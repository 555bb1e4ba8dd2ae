using System.Globalization;
using Microsoft.Extensions.Logging;
using StreamProcessor.Sinks.Events;

namespace StreamProcessor.Stream.Service.Logging;

/// <summary>Logs each completed request once its event is published: one line per request, ~450 a day.</summary>
internal sealed partial class LoggingEventPublisher(IEventPublisher inner, ILogger logger) : IEventPublisher
{
    public async Task PublishAsync(IReadOnlyList<CompletionEvent> events, CancellationToken cancellationToken)
    {
        await inner.PublishAsync(events, cancellationToken);
        if (!logger.IsEnabled(LogLevel.Information)) return;
        foreach (var e in events)
            LogCompleted(e.RequestId, e.PlayerLookup, e.GameDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.PredictionsWritten, e.SystemsSucceeded.Count, string.Join(",", e.SystemsFailed));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "request {request_id} ({player_lookup}, {game_date}) predicted: {predictions_written} predictions from {systems_succeeded} systems; failed: [{systems_failed}]")]
    private partial void LogCompleted(string request_id, string player_lookup, string game_date, int predictions_written, int systems_succeeded, string systems_failed);
}
