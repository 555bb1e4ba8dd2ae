namespace StreamProcessor.Google.BigQuery.Write;

/// <summary>
/// One column of a row schema: its name, type, mode, and how to take its value from a row (null = NULL; a
/// repeated column's value is a sequence). For rows whose columns are not properties, e.g. one per feature.
/// </summary>
public sealed record RowColumn<T>(string Name, ColumnKind Kind, bool Required, bool Repeated, Func<T, object?> Value);
