using StreamProcessor.Google.BigQuery.Sinks;
using StreamProcessor.Google.BigQuery.Tables;
using StreamProcessor.Google.BigQuery.Write;
using StreamProcessor.Sinks.Breakers;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.Freshness;
using StreamProcessor.Sinks.Players;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Sinks.Training;
using StreamProcessor.Systems.Features;

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
    private readonly StorageWriter<EventTableRow> _events;

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
        _events = _storage.Writer<EventTableRow>(new StorageWriterOptions { Table = _storage.Table(EventTableRow.Dataset, EventTableRow.Table), Cdc = true });
        Events = new BigQueryEventPublisher(_events);
        Tables = new BigQueryTablePublisher(_storage);
        PredictionReader = new BigQueryPredictionReader(_storage.Reader, _storage.Table(PredictionTableRow.Dataset, PredictionTableRow.Table));
    }

    /// <summary>The feature store, reading a whole game date once and caching it.</summary>
    public BigQueryFeatureStore FeatureStore(HistoryOptions? window = null, FeatureCacheOptions? cache = null) =>
        new(_storage.Reader, _storage.Options.Project, window, cache);

    /// <summary>What the batch verbs read (box scores, features with outcomes, lines) and the features they write.</summary>
    public ITrainingData TrainingData => new BigQueryTrainingData(_storage.Reader, _storage.Options.Project, Tables, window => FeatureStore(window));

    /// <summary>The player registry: the box scores' players and the aliases file's aliases.</summary>
    public IPlayerRegistry PlayerRegistry(string? aliasesFile) =>
        new BigQueryPlayerRegistry(_storage.Reader, _storage.Table(BoxScoreTableRow.Dataset, BoxScoreTableRow.Table), aliasesFile);

    public IEventPublisher Events { get; }

    public IInputFreshness Freshness => new BigQueryInputFreshness(_storage.Reader, _storage.Options.Project);

    /// <summary>Box scores, features and lines, upserted by the batch verbs.</summary>
    public BigQueryTablePublisher Tables { get; }

    public BigQueryPredictionReader PredictionReader { get; }

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
        await _events.DisposeAsync();
        _storage.Dispose();
    }
}
