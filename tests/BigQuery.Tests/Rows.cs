namespace StreamProcessor.Google.BigQuery.Tests;

/// <summary>A row of nba_predictions.prediction_events (primary key request_id), written with CDC.</summary>
public sealed record PredictionEventRow(
    string RequestId,
    string PlayerLookup,
    DateOnly GameDate,
    string GameId,
    IReadOnlyList<string> SystemsSucceeded,
    IReadOnlyList<string> SystemsFailed,
    long PredictionsWritten,
    DateTimeOffset PublishedAt);

/// <summary>The same table, with the date sent as text: what a writer with a bad date looks like to BigQuery.</summary>
public sealed record PredictionEventTextDateRow(
    string RequestId,
    string PlayerLookup,
    string GameDate,
    string GameId,
    long PredictionsWritten,
    DateTimeOffset PublishedAt);

/// <summary>A row of nba_predictions.dead_letter: plain appends, no primary key.</summary>
public sealed record DeadLetterRow(
    string DeadLetterId,
    string RequestId,
    string? SystemId,
    string ReasonCode,
    string Message,
    string? PlayerLookup,
    DateOnly? GameDate,
    string? RawPayload,
    DateTimeOffset CreatedAt);
