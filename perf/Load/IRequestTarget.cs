namespace StreamProcessor.Perf.Load;

/// <summary>
/// Where the load generator offers requests, chosen with <c>--target</c>: the spool of embedded mode
/// (<see cref="SpoolTarget"/>), a topic of Google's Pub/Sub emulator (<see cref="PubSubTarget"/>), or that topic with the
/// service writing to the local BigQuery Storage server (<see cref="BigQueryTarget"/>); the generator, the pacing and the
/// measurements stay as they are.
/// </summary>
public interface IRequestTarget : IDisposable
{
    string Name { get; }

    /// <summary>The arguments <c>stream run</c> needs to read from this target.</summary>
    IReadOnlyList<string> ServiceArguments { get; }

    /// <summary>Environment variables <c>stream run</c> needs to reach this target.</summary>
    IReadOnlyDictionary<string, string> ServiceEnvironment => new Dictionary<string, string>();

    /// <summary>Offers these production-format payloads now (each one request).</summary>
    void Send(IReadOnlyList<byte[]> payloads);

    /// <summary>Offers a large batch at once, as a producer catching up would.</summary>
    void SendAll(IReadOnlyList<byte[]> payloads);
}
