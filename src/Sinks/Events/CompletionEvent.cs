namespace StreamProcessor.Sinks.Events;

/// <summary>The "prediction-ready" event published once a request's predictions are written.</summary>
public sealed record CompletionEvent
{
    public required string RequestId { get; init; }
    public required string PlayerLookup { get; init; }
    public required DateOnly GameDate { get; init; }
    public required string GameId { get; init; }

    /// <summary>points, rebounds, assists or threes.</summary>
    public string PropType { get; init; } = "points";
    public required IReadOnlyList<string> SystemsSucceeded { get; init; }
    public required IReadOnlyList<string> SystemsFailed { get; init; }
    public required int PredictionsWritten { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
}
