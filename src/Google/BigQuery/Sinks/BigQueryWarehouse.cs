using StreamProcessor.Google.BigQuery.Sinks;
using StreamProcessor.Google.BigQuery.Tables;
using StreamProcessor.Google.BigQuery.Write;
using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Predictions;

namespace StreamProcessor.Google.BigQuery;

/// <summary>
/// The BigQuery adapters of the write seams, on one channel: one long-lived `_default` writer per table
/// (predictions and the execution log by CDC upsert, dead letters and breaker transitions appended).
/// </summary>
public sealed class BigQueryWarehouse : IAsyncDisposable
{
    private readonly BigQueryStorage _storage;
    private readonly StorageWriter<PredictionTableRow> _predictions;
    private readonly StorageWriter<DeadLetterTableRow> _deadLetters;
    private readonly StorageWriter<WorkerRunTableRow> _runs;
    private readonly StorageWriter<BreakerTableRow> _breakers;

    public BigQueryWarehouse(BigQueryStorageOptions options)
    {
        _storage = new BigQueryStorage(options);
        _predictions = _storage.Writer<PredictionTableRow>(new StorageWriterOptions { Table = _storage.Table(PredictionTableRow.Dataset, PredictionTableRow.Table), Cdc = true });
        _deadLetters = _storage.Writer<DeadLetterTableRow>(new StorageWriterOptions { Table = _storage.Table(DeadLetterTableRow.Dataset, DeadLetterTableRow.Table) });
        var runsTable = _storage.Table(WorkerRunTableRow.Dataset, WorkerRunTableRow.Table);
        _runs = _storage.Writer<WorkerRunTableRow>(new StorageWriterOptions { Table = runsTable, Cdc = true });
        DeadLetters = new BigQueryDeadLetterSink(_deadLetters);
        Predictions = new BigQueryPredictionSink(_predictions, DeadLetters);
        ExecutionLog = new BigQueryExecutionLog(_runs, _storage.Reader, runsTable);
        var breakerTable = _storage.Table(BreakerTableRow.Dataset, BreakerTableRow.Table);
        _breakers = _storage.Writer<BreakerTableRow>(new StorageWriterOptions { Table = breakerTable });
        BreakerState = new BigQueryBreakerStateStore(_breakers, _storage.Reader, breakerTable);
    }

    public BigQueryStorage Storage => _storage;

    public IPredictionSink Predictions { get; }

    public IDeadLetterSink DeadLetters { get; }

    public IExecutionLog ExecutionLog { get; }

    public IBreakerStateStore BreakerState { get; }

    public async ValueTask DisposeAsync()
    {
        await _predictions.DisposeAsync();
        await _deadLetters.DisposeAsync();
        await _runs.DisposeAsync();
        await _breakers.DisposeAsync();
        _storage.Dispose();
    }
}
