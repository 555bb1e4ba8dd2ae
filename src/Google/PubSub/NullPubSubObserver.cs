namespace StreamProcessor.Google.PubSub;

public sealed class NullPubSubObserver : IPubSubObserver
{
    public static readonly NullPubSubObserver Instance = new();

    public void Outstanding(int messages, long bytes, int waiting) { }
    public void LeasesExtended(int messages) { }
    public void Nacked(int messages) { }
    public void Redelivered() { }
    public void StreamConnected() { }
    public void StreamBroken(string reason) { }
    public void Published(int messages, TimeSpan latency) { }
}
