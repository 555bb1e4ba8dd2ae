using StreamProcessor.Google.BigQuery.Read;
using StreamProcessor.Google.BigQuery.Tables;
using StreamProcessor.Sinks.Freshness;

namespace StreamProcessor.Google.BigQuery.Sinks;

/// <summary>
/// The input tables' freshness on BigQuery: one read session of two columns per table over the last
/// <see cref="WindowDays"/> game dates (partition pruning keeps it cheap; the embedded monitor scans whole tables),
/// so a table whose newest row is older than that window reads as empty, which the freshness alert treats as stale.
/// </summary>
public sealed class BigQueryInputFreshness(StorageReader reader, string project) : IInputFreshness
{
    public const int WindowDays = 30;

    private static readonly (string Label, string Dataset, string Table, string Arrived)[] Inputs =
    [
        ("box_scores", BoxScoreTableRow.Dataset, BoxScoreTableRow.Table, "loaded_at"),
        ("features", FeatureRowSchema.Dataset, FeatureRowSchema.Table, "computed_at"),
        ("lines", PropLineTableRow.Dataset, PropLineTableRow.Table, "loaded_at"),
    ];

    public async Task<IReadOnlyList<InputFreshness>> ReadAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var answer = new List<InputFreshness>();
        var since = RowRestriction.Date(today.AddDays(-WindowDays));
        foreach (var (label, dataset, table, arrived) in Inputs)
        {
            var rows = await reader.ReadRowsAsync(new ReadRequest(new TableReference(project, dataset, table), ["game_date", arrived], $"game_date >= {since}"), cancellationToken);
            var newest = rows.Count == 0 ? (DateTimeOffset?)null : rows.Max(r => (DateTimeOffset)r[arrived]!);
            answer.Add(new InputFreshness(label, newest, rows.Count(r => (DateOnly)r["game_date"]! == today)));
        }
        return answer;
    }
}
