namespace StreamProcessor.Sinks.Events;

/// <summary>The publish seam: the warehouse or a JSONL file here, the prediction-ready Pub/Sub topic in a deployment.</summary>
public interface IEventPublisher
{
    Task PublishAsync(IReadOnlyList<CompletionEvent> events, CancellationToken cancellationToken);
}
