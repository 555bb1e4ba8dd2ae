using BenchmarkDotNet.Attributes;
using StreamProcessor.Sinks.Events;
using StreamProcessor.Sinks.ExecutionLog;
using StreamProcessor.Sinks.Predictions;
using StreamProcessor.Sinks.Warehouse;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Systems.Prediction;

namespace StreamProcessor.Perf.Benchmarks;

/// <summary>
/// The steps after the systems, one write batch at a time (times are per batch of <see cref="Batch"/> requests, to
/// compare sizes): the upsert write of the rows, the completion events, the execution-log rows, and the durable
/// acknowledgement. Repeated invocations rewrite the same keys, as a redelivery does.
/// </summary>
[Config(typeof(PerfConfig))]
public class SinkBenchmarks
{
    [Params(128, 512)]
    public int Batch { get; set; } = 128;

    private BenchmarkData _data = null!;
    private PredictionBatch _rows = null!;
    private CompletionEvent[] _events = null!;
    private WorkerRun[] _runs = null!;
    private string[] _ids = null!;
    private AckLog _acks = null!;
    private WarehousePredictionSink _sink = null!;
    private WarehouseEventPublisher _publisher = null!;
    private WarehouseExecutionLog _log = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = BenchmarkData.Load("sinks-" + Batch, Batch);
        var now = DateTimeOffset.UtcNow;
        var inputs = _data.Inputs().Take(Batch).ToArray();
        var bases = _data.Systems.Where(s => !s.CombinesOtherSystems).ToArray();
        var rows = new List<PredictionRow>();
        foreach (var input in inputs)
            foreach (var prediction in bases.Select(s => s.Predict(input)).OfType<SystemPrediction>())
                rows.AddRange(PredictionNormalizer.ToRows(input.Request, prediction, input.Features.FeatureVersion, _data.Options.Recommendation, now));
        _rows = new PredictionBatch(rows, []);
        _events = inputs.Select(i => new CompletionEvent
        {
            RequestId = i.Request.RequestId, PlayerLookup = i.Request.PlayerLookup, GameDate = i.Request.GameDate, GameId = i.Request.GameId,
            PropType = i.Request.Prop, LineValues = i.Request.LineValues, FeatureVersion = i.Features.FeatureVersion,
            SystemsSucceeded = bases.Select(s => s.Id).ToArray(), SystemsFailed = [], PredictionsWritten = 5, PublishedAt = now,
        }).ToArray();
        _runs = inputs.Select(i => new WorkerRun
        {
            RequestId = i.Request.RequestId, PlayerLookup = i.Request.PlayerLookup, GameDate = i.Request.GameDate, LineValues = i.Request.LineValues,
            FeatureVersion = i.Features.FeatureVersion, SystemsAttempted = bases.Select(s => s.Id).ToArray(),
            SystemsSucceeded = bases.Select(s => s.Id).ToArray(), FeatureQualityScore = i.Features.QualityScore, ProcessedAt = now,
        }).ToArray();
        _ids = inputs.Select(i => i.Request.RequestId).ToArray();
        _acks = AckLog.Open(Path.Combine(_data.DataDir, "bench.acks"));
        _sink = new WarehousePredictionSink(_data.Warehouse);
        _publisher = new WarehouseEventPublisher(_data.Warehouse);
        _log = new WarehouseExecutionLog(_data.Warehouse);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _acks.Dispose();
        _data.Dispose();
    }

    [Benchmark]
    public Task UpsertWrite() => _sink.WriteAsync(_rows, CancellationToken.None);

    [Benchmark]
    public Task EventPublish() => _publisher.PublishAsync(_events, CancellationToken.None);

    [Benchmark]
    public Task ExecutionLogWrite() => _log.WriteAsync(_runs, CancellationToken.None);

    [Benchmark]
    public void Ack() => _acks.Append(_ids);
}
