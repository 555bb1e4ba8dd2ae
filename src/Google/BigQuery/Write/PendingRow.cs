namespace StreamProcessor.Google.BigQuery.Write;

/// <summary>
/// A row to write. <see cref="SequenceNumber"/> becomes _CHANGE_SEQUENCE_NUMBER (hex sections, e.g. from
/// <see cref="ChangeSequence.From"/>): a change with a lower number than the key's last never overwrites it.
/// </summary>
public sealed record PendingRow<T>(T Row, RowChange Change = RowChange.Upsert, string? SequenceNumber = null);
