namespace StreamProcessor.BigQueryStorageEmulator.Tables;

/// <summary>A decoded row: values in column order, and its CDC pseudo-columns.</summary>
public sealed record TableRow(object?[] Values, ChangeType Change, ChangeSequenceNumber? Sequence);
