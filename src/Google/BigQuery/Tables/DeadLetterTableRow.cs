using StreamProcessor.Sinks.DeadLetters;

namespace StreamProcessor.Google.BigQuery.Tables;

/// <summary>A row of nba_predictions.dead_letter (plain appends; the id is deterministic, so a duplicate is recognisable).</summary>
public sealed record DeadLetterTableRow(
    string DeadLetterId,
    string RequestId,
    string? SystemId,
    string ReasonCode,
    string Message,
    string? PlayerLookup,
    DateOnly? GameDate,
    string? RawPayload,
    DateTimeOffset CreatedAt)
{
    public const string Dataset = "nba_predictions", Table = "dead_letter";

    public static DeadLetterTableRow From(DeadLetter d) =>
        new(d.DeadLetterId, d.RequestId, d.SystemId, d.ReasonCode, d.Message, d.PlayerLookup, d.GameDate, DeadLetter.Truncate(d.RawPayload), d.CreatedAt);
}
