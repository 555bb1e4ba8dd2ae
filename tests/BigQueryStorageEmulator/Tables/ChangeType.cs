namespace StreamProcessor.BigQueryStorageEmulator.Tables;

/// <summary>The _CHANGE_TYPE pseudo-column: a row without it is a plain append.</summary>
public enum ChangeType
{
    Append,
    Upsert,
    Delete,
}
