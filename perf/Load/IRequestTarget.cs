namespace StreamProcessor.Perf.Load;

/// <summary>
/// Where the load generator offers requests: the spool of embedded mode today. The Pub/Sub emulator and the local
/// BigQuery server are further implementations (publish to the request topic / append to the request table), chosen
/// with <c>--target</c>; the generator, the pacing and the measurements stay as they are.
/// </summary>
public interface IRequestTarget : IDisposable
{
    string Name { get; }

    /// <summary>The arguments <c>stream run</c> needs to read from this target.</summary>
    IReadOnlyList<string> ServiceArguments { get; }

    /// <summary>Offers these production-format payloads now (each one request).</summary>
    void Send(IReadOnlyList<byte[]> payloads);

    /// <summary>Offers a large batch at once, as a producer catching up would.</summary>
    void SendAll(IReadOnlyList<byte[]> payloads);
}
