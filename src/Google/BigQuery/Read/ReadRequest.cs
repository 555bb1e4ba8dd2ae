namespace StreamProcessor.Google.BigQuery.Read;

/// <summary>What a read session returns: the selected columns (all when empty) of the rows matching the restriction (a SQL WHERE clause).</summary>
public sealed record ReadRequest(TableReference Table, IReadOnlyList<string>? SelectedFields = null, string? RowRestriction = null);
