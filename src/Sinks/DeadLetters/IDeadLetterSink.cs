namespace StreamProcessor.Sinks.DeadLetters;

/// <summary>Where unusable requests are recorded, with their reasons. Writes are idempotent.</summary>
public interface IDeadLetterSink
{
    Task WriteAsync(IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken);
}
