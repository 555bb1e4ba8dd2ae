using System.Globalization;
using Microsoft.Extensions.Logging;
using StreamProcessor.Sinks.DeadLetters;

namespace StreamProcessor.Stream.Service.Logging;

/// <summary>Logs each dead letter once it is recorded: the request, player, date and reason, never its payload.</summary>
internal sealed partial class LoggingDeadLetterSink(IDeadLetterSink inner, ILogger logger) : IDeadLetterSink
{
    public async Task WriteAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        await inner.WriteAsync(deadLetters, cancellationToken);
        foreach (var d in deadLetters)
        {
            if (d.PlayerLookup is { } player && d.GameDate is { } date)
                LogDeadLetter(d.RequestId, player, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.ReasonCode, d.Message);
            else
                LogUndecodable(d.RequestId, d.ReasonCode, d.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "request {request_id} ({player_lookup}, {game_date}) dead-lettered, {reason}: {detail}")]
    private partial void LogDeadLetter(string request_id, string player_lookup, string game_date, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "request {request_id} dead-lettered, {reason}: {detail}")]
    private partial void LogUndecodable(string request_id, string reason, string detail);
}
