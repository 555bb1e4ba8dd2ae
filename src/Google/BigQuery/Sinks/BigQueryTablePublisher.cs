using StreamProcessor.Google.BigQuery.Tables;
using StreamProcessor.Google.BigQuery.Write;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Systems.Domain;
using StreamProcessor.Systems.Features;
using StreamProcessor.Systems.Market;

namespace StreamProcessor.Google.BigQuery.Sinks;

/// <summary>
/// The batch verbs' tables (box scores, features, sportsbook lines) written to BigQuery by CDC upsert on their
/// primary keys, so loading or building the same rows twice leaves one row per key. Any refused row fails the
/// whole call with the first rows' reasons: a partial load must never pass for a complete one.
/// </summary>
public sealed class BigQueryTablePublisher(BigQueryStorage storage)
{
    public Task<int> BoxScoresAsync(IReadOnlyList<BoxScore> rows, string source, CancellationToken cancellationToken)
    {
        var at = DateTimeOffset.UtcNow;
        return UpsertAsync(storage.Writer<BoxScoreTableRow>(Options(BoxScoreTableRow.Dataset, BoxScoreTableRow.Table)),
            rows.Select(b => BoxScoreTableRow.From(b, source, at)).ToArray(), "box scores", r => $"{r.PlayerLookup} {r.GameDate:yyyy-MM-dd}", cancellationToken);
    }

    public Task<int> FeaturesAsync(IReadOnlyList<PlayerFeatures> rows, CancellationToken cancellationToken)
    {
        var at = DateTimeOffset.UtcNow;
        return UpsertAsync(storage.Writer(Options(FeatureRowSchema.Dataset, FeatureRowSchema.Table), FeatureRowSchema.Create()),
            rows.Select(f => new FeatureRow(f, at)).ToArray(), "features", r => $"{r.Features.Key.PlayerLookup} {r.Features.Key.GameDate:yyyy-MM-dd}", cancellationToken);
    }

    public Task<int> LinesAsync(IReadOnlyList<SportsbookLine> rows, string loadedFrom, CancellationToken cancellationToken)
    {
        var at = DateTimeOffset.UtcNow;
        return UpsertAsync(storage.Writer<PropLineTableRow>(Options(PropLineTableRow.Dataset, PropLineTableRow.Table)),
            rows.Select(l => PropLineTableRow.From(l, loadedFrom, at)).ToArray(), "sportsbook lines", r => $"{r.PlayerLookup} {r.GameDate:yyyy-MM-dd} {r.PropType} {r.Bookmaker}", cancellationToken);
    }

    private StorageWriterOptions Options(string dataset, string table) => new() { Table = storage.Table(dataset, table), Cdc = true };

    private static async Task<int> UpsertAsync<T>(StorageWriter<T> writer, IReadOnlyList<T> rows, string what, Func<T, string> describe, CancellationToken cancellationToken)
    {
        await using (writer)
        {
            if (rows.Count == 0) return 0;
            var pending = rows.Select(r => new PendingRow<T>(r, RowChange.Upsert)).ToArray();
            var report = await BigQueryCalls.WriteAsync(writer, pending, what, cancellationToken);
            if (report.Failures.Count > 0)
                throw new WarehouseException($"BigQuery refused {report.Failures.Count} of {rows.Count} {what} row(s), e.g. " +
                    string.Join("; ", report.Failures.Take(3).Select(f => $"{describe(rows[f.Index])}: {f.Message}")));
            return rows.Count;
        }
    }
}
