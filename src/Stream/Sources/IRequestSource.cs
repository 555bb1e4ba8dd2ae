namespace StreamProcessor.Stream.Sources;

/// <summary>
/// The ingest seam, shaped like a Pub/Sub subscription: messages are delivered until acknowledged,
/// and the pipeline acknowledges a message only after everything it produced has been written.
/// In-memory and JSONL-file sources here; a Pub/Sub streaming-pull source in a deployment.
/// </summary>
public interface IRequestSource
{
    /// <summary>Delivers messages until the source is exhausted or <paramref name="cancellationToken"/> asks to stop.</summary>
    IAsyncEnumerable<SourceMessage> ReadAsync(CancellationToken cancellationToken);

    Task AcknowledgeAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken);
}
