using StreamProcessor.Google.BigQuery.Write;
using StreamProcessor.Sinks.Warehouse;

namespace StreamProcessor.Google.BigQuery.Sinks;

/// <summary>A refused append surfaces as the seams' WarehouseException, naming what was being written.</summary>
internal static class BigQueryCalls
{
    public static async Task<WriteReport> WriteAsync<T>(StorageWriter<T> writer, IReadOnlyList<PendingRow<T>> rows, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await writer.WriteAsync(rows, cancellationToken: cancellationToken);
        }
        catch (BigQueryWriteException e)
        {
            throw new WarehouseException($"writing {what} to BigQuery failed: {e.Message}", e);
        }
    }
}
