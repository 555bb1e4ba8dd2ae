using System.Globalization;
using Microsoft.Extensions.Logging;
using StreamProcessor.Sinks.Events;

namespace StreamProcessor.Stream.Service.Logging;

/// <summary>One line per completed request, once its event is out: ~450 a day.</summary>
internal static partial class CompletedRequestLog
{
    public static void Completed(ILogger logger, IReadOnlyList<CompletionEvent> events)
    {
        if (!logger.IsEnabled(LogLevel.Information)) return;
        foreach (var e in events)
            LogCompleted(logger, e.RequestId, e.PlayerLookup, e.GameDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.PredictionsWritten, e.SystemsSucceeded.Count, string.Join(",", e.SystemsFailed));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "request {request_id} ({player_lookup}, {game_date}) predicted: {predictions_written} predictions from {systems_succeeded} systems; failed: [{systems_failed}]")]
    private static partial void LogCompleted(ILogger logger, string request_id, string player_lookup, string game_date, int predictions_written, int systems_succeeded, string systems_failed);
}
