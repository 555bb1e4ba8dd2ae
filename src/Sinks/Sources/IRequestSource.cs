namespace StreamProcessor.Sinks.Sources;

/// <summary>
/// The ingest seam, shaped like a Pub/Sub subscription: messages are delivered until acknowledged,
/// and the pipeline acknowledges a message only after everything it produced has been written.
/// Messages are acknowledged and handed back by <see cref="SourceMessage.MessageId"/>, which is stable
/// across redeliveries; a transport's own per-delivery handle (a Pub/Sub ack id) stays inside its source.
/// In-memory and JSONL-file sources and a spool here; a Pub/Sub streaming-pull source in a deployment.
/// </summary>
public interface IRequestSource
{
    /// <summary>Delivers messages until the source is exhausted or <paramref name="cancellationToken"/> asks to stop.</summary>
    IAsyncEnumerable<SourceMessage> ReadAsync(CancellationToken cancellationToken);

    /// <summary>The messages' output is committed: they are never to be delivered again.</summary>
    Task AcknowledgeAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken);

    /// <summary>
    /// Hands messages back unwritten (a failed read or write, a drain past its deadline): the source delivers
    /// them again, as Pub/Sub does after a negative acknowledgement. A source that cannot redeliver within a run
    /// keeps them unacknowledged, so the next run delivers them.
    /// </summary>
    Task NackAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken);
}
