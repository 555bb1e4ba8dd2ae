namespace StreamProcessor.Perf.Load;

/// <summary>
/// The spool: paced requests are appended, a line at a time with its newline, to one file the service tails; a
/// flat-out batch is written elsewhere and moved in whole, as the README tells a producer to.
/// </summary>
public sealed class SpoolTarget : IRequestTarget
{
    private readonly string _directory;
    private readonly FileStream _tail;
    private int _batches;

    public SpoolTarget(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        _tail = new FileStream(Path.Combine(directory, "0-paced.jsonl"), FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    public string Name => "spool";

    public IReadOnlyList<string> ServiceArguments => ["--spool", _directory];

    public void Send(IReadOnlyList<byte[]> payloads)
    {
        foreach (var payload in payloads)
        {
            _tail.Write(payload);
            _tail.WriteByte((byte)'\n');
        }
        _tail.Flush();
    }

    public void SendAll(IReadOnlyList<byte[]> payloads)
    {
        var name = $"1-batch-{++_batches:D4}.jsonl";
        var staging = Path.Combine(Path.GetTempPath(), $"perf-{Environment.ProcessId}-{name}");
        using (var file = File.Create(staging))
            foreach (var payload in payloads)
            {
                file.Write(payload);
                file.WriteByte((byte)'\n');
            }
        File.Move(staging, Path.Combine(_directory, name));
    }

    public void Dispose() => _tail.Dispose();
}
