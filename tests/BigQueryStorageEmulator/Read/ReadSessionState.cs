namespace StreamProcessor.BigQueryStorageEmulator.Read;

/// <summary>A read session: its snapshot of the matching rows, projected to the selected columns.</summary>
public sealed record ReadSessionState(string Name, ArrowEncoder Encoder, IReadOnlyList<object?[]> Rows)
{
    public string StreamName => Name + "/streams/0";
}
