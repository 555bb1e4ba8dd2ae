namespace StreamProcessor.Google.PubSub;

/// <summary>What the Pub/Sub adapters report, for metrics and readiness; the host decides how to export it.</summary>
public interface IPubSubObserver
{
    /// <summary>
    /// Messages (and their bytes) let into the pipeline by flow control and not yet acknowledged or nacked, and
    /// messages Pub/Sub sent beyond the limits that wait, leased, for room.
    /// </summary>
    void Outstanding(int messages, long bytes, int waiting);

    void LeasesExtended(int messages);

    void Nacked(int messages);

    /// <summary>A message arrived again: a delivery attempt above 1, or a second delivery of one still in flight.</summary>
    void Redelivered();

    /// <summary>The streaming pull is receiving (or has just reopened).</summary>
    void StreamConnected();

    /// <summary>The streaming pull broke and will be reopened after a backoff.</summary>
    void StreamBroken(string reason);

    void Published(int messages, TimeSpan latency);
}
