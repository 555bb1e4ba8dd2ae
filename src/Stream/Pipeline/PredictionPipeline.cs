using System.Diagnostics;
using System.Threading.Tasks.Dataflow;
using StreamProcessor.Sinks.DeadLetters;
using StreamProcessor.Stream.Pipeline.Blocks;
using StreamProcessor.Stream.Pipeline.Messages;
using StreamProcessor.Stream.Pipeline.Observability;
using StreamProcessor.Systems.Prediction;
using StreamProcessor.Stream.Sources;
using StreamProcessor.Stream.Validation;

namespace StreamProcessor.Stream.Pipeline;

/// <summary>
/// The stream processor: ingest → decode/validate → resolve the player (registry) → feature-load (batched) → predict fan-out (a block
/// per base system) → join → combine (ensemble) → normalize → batch-write → publish, with request-level
/// dead letters written by their own block. Every block is bounded, so a slow writer slows the reader
/// instead of filling memory.
/// </summary>
public sealed class PredictionPipeline(PipelineDependencies dependencies, PipelineOptions options)
{
    /// <summary>
    /// Reads <paramref name="source"/> until it is exhausted or <paramref name="stop"/> is signalled, then
    /// drains what is in flight: on a stop nothing already read is abandoned half-way. A batch that cannot be
    /// read or written after retries is handed back to the source unacknowledged (counted in the result) and the
    /// run goes on; only a bug in a block faults the run, and its exception is rethrown. A source that throws
    /// ends ingestion; what it delivered is drained, then the run fails with a <see cref="PipelineFaultedException"/>.
    /// <paramref name="abandon"/> cancels in-flight work too (a drain past its deadline): what is not yet
    /// written stays unacknowledged, and the run ends with an <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<PipelineRunResult> RunAsync(IRequestSource source, CancellationToken stop = default, CancellationToken abandon = default)
    {
        var clock = Stopwatch.StartNew();
        var counters = new PipelineCounters();
        using var abort = new CancellationTokenSource();
        using var abandoning = abandon.Register(abort.Cancel);
        var blockOptions = BlockOptions(abort.Token, parallelism: 1);

        var inFlight = new RequestsInFlight(options.MaxRequestsInFlight);
        var observer = new CompositePipelineObserver(dependencies.Observer, counters, inFlight);
        var ingest = new BufferBlock<ReceivedMessage>(new DataflowBlockOptions { BoundedCapacity = options.BoundedCapacity, CancellationToken = abort.Token });
        TransformManyBlock<ReceivedMessage, ValidatedRequest>? decode = null;
        TransformManyBlock<ValidatedRequest, ValidatedRequest>? resolve = null;
        TransformManyBlock<ValidatedRequest[], PendingRequest>? featureLoad = null;
        TransformBlock<RequestPredictions[], WrittenBatch>? write = null;
        var sourceWaiting = 0; // 1 while no message comes in: the source has none ready, or the requests in flight are at their limit
        bool NothingMoreComing() => Volatile.Read(ref sourceWaiting) == 1 && ingest.Count == 0 && decode is { InputCount: 0, OutputCount: 0 }
                                    && resolve is null or { InputCount: 0, OutputCount: 0 };
        // Dead letters leave, like feature batches, once nothing more is coming: held at the in-flight limit, the source
        // waits for their requests to end.
        var deadLetterBatch = TimedBatchBlock.Create<DeadLetter>(options.DeadLetterBatchSize, FlushAfter, options.BoundedCapacity, abort.Token,
            nothingMoreComing: NothingMoreComing);
        var deadLetterWrite = DeadLetterBlock.Create(dependencies, source, observer, BatchOptions(abort.Token, parallelism: 1));
        decode = DecodeBlock.Create(new RequestDecoder(dependencies.Validation), deadLetterBatch, BlockOptions(abort.Token, options.DecodeParallelism));
        resolve = dependencies.PlayerRegistry is { } registry
            ? ResolvePlayerBlock.Create(new PlayerDirectoryCache(registry, dependencies.Clock, TimeSpan.FromMinutes(1)), deadLetterBatch, BlockOptions(abort.Token, parallelism: 1))
            : null;
        var featureBatch = TimedBatchBlock.Create<ValidatedRequest>(options.FeatureBatchSize, FlushAfter, options.BoundedCapacity, abort.Token,
            () => featureLoad?.InputCount ?? 0, NothingMoreComing);
        var onTheirWay = new RequestsOnTheirWay();
        var writeBatch = WriteBatchBlock.Create<RequestPredictions>(options.WriteBatchSize, FlushAfter, options.BoundedCapacity, onTheirWay, () => write?.InputCount ?? 0, abort.Token);
        featureLoad = FeatureLoadBlock.Create(dependencies, source, observer, deadLetterBatch, writeBatch, onTheirWay, BatchOptions(abort.Token, options.FeatureLoadParallelism));

        var baseSystems = dependencies.Systems.Where(s => !s.CombinesOtherSystems).ToArray();
        var combiners = dependencies.Systems.Where(s => s.CombinesOtherSystems).ToArray();
        if (baseSystems.Length == 0) throw new InvalidOperationException("the pipeline needs at least one base prediction system");
        var systemBlocks = baseSystems.Select(s => SystemBlock.Create(s, dependencies.Breakers, observer, BlockOptions(abort.Token, options.SystemParallelism))).ToArray();
        var fanOut = FanOutBlock.Create<PendingRequest>(systemBlocks, blockOptions);
        var join = JoinBySequenceBlock.Create(baseSystems.Select(s => s.Id).ToArray(), blockOptions);
        var combine = CombineBlock.Create(combiners, dependencies.Breakers, observer, BlockOptions(abort.Token, options.SystemParallelism));
        var normalize = NormalizeBlock.Create(dependencies.Recommendation, dependencies.Clock, BlockOptions(abort.Token, options.SystemParallelism));
        write = WriteBlock.Create(dependencies.PredictionSink, dependencies.CompletedBatchSink, dependencies.Clock, dependencies.SinkRetry, observer, WriteOptions(abort.Token));
        var publish = PublishBlock.Create(dependencies, source, counters, observer, WriteOptions(abort.Token));

        var propagate = new DataflowLinkOptions { PropagateCompletion = true };
        ingest.LinkTo(decode, propagate);
        if (resolve is null) decode.LinkTo(featureBatch, propagate);
        else
        {
            decode.LinkTo(resolve, propagate);
            resolve.LinkTo(featureBatch, propagate);
        }
        featureBatch.LinkTo(featureLoad, propagate);
        featureLoad.LinkTo(fanOut, propagate);
        foreach (var block in systemBlocks) block.LinkTo(join); // join completes when all of them have
        join.LinkTo(combine, propagate);
        combine.LinkTo(normalize, propagate);
        normalize.LinkTo(writeBatch, propagate);
        writeBatch.LinkTo(write, propagate);
        write.LinkTo(publish, propagate);
        deadLetterBatch.LinkTo(deadLetterWrite, propagate);

        CompleteWhenAll(join, systemBlocks.Select(b => b.Completion));
        CompleteWhenAll(deadLetterBatch, [decode.Completion, featureLoad.Completion, .. resolve is null ? [] : new[] { resolve.Completion }]);

        RegisterQueues(observer, ingest, decode, featureLoad, fanOut, baseSystems.Zip(systemBlocks).ToArray(), join, combine, normalize, write, publish, deadLetterWrite);

        IDataflowBlock[] all = [ingest, decode, .. resolve is null ? [] : new IDataflowBlock[] { resolve }, featureBatch, featureLoad, fanOut, .. systemBlocks, join, combine, normalize, writeBatch, write, publish, deadLetterBatch, deadLetterWrite];
        foreach (var block in all)
            _ = block.Completion.ContinueWith(_ => abort.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

        Exception? sourceError = null;
        try
        {
            using var stopOrAbort = CancellationTokenSource.CreateLinkedTokenSource(stop, abort.Token);
            await using var messages = source.ReadAsync(stop).GetAsyncEnumerator();
            while (true)
            {
                if (!inFlight.TryEnter())
                {
                    // Nothing comes in until a request ends: what is gathered in a batch may leave now.
                    Volatile.Write(ref sourceWaiting, 1);
                    await inFlight.EnterAsync(stopOrAbort.Token);
                    Volatile.Write(ref sourceWaiting, 0);
                }
                var next = messages.MoveNextAsync();
                if (!next.IsCompleted) Volatile.Write(ref sourceWaiting, 1);
                var more = await next;
                Volatile.Write(ref sourceWaiting, 0);
                if (!more)
                {
                    inFlight.Return();
                    break;
                }
                observer.RequestReceived();
                if (!await ingest.SendAsync(new ReceivedMessage(messages.Current, Stopwatch.GetTimestamp()), abort.Token)) break;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested || abort.IsCancellationRequested)
        {
            // A stop request ends ingestion; what was read is drained below. An abort surfaces below.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A broken source ends ingestion like a stop does: what it delivered is still written and acknowledged.
            sourceError = e;
            observer.SourceFailed(e);
        }
        ingest.Complete();

        try
        {
            await Task.WhenAll(publish.Completion, deadLetterWrite.Completion);
        }
        catch
        {
            var faults = all.Where(b => b.Completion.IsFaulted).SelectMany(b => b.Completion.Exception!.InnerExceptions).ToArray();
            if (faults.Length == 1) throw new PipelineFaultedException(faults[0].Message, faults[0]);
            if (faults.Length > 1) throw new PipelineFaultedException(faults[0].Message, new AggregateException(faults));
            throw;
        }
        if (sourceError is not null)
            throw new PipelineFaultedException($"the source failed after {counters.Received} requests (what it delivered was drained): {sourceError.Message}", sourceError);

        return new PipelineRunResult
        {
            Requests = counters.Received,
            RequestsCompleted = counters.Completed,
            PredictionsWritten = counters.PredictionsWritten,
            DeadLettered = counters.DeadLettered,
            Acknowledged = counters.Acknowledged,
            Unacknowledged = counters.Unacknowledged,
            Retries = counters.Retries,
            LastError = counters.LastError?.Message,
            DeadLettersByReason = new SortedDictionary<string, long>(counters.DeadLettersByReason),
            SkippedByReason = new SortedDictionary<string, long>(counters.SkippedByReason),
            SystemSkips = new SortedDictionary<string, long>(counters.SystemSkips),
            SystemSuccesses = new SortedDictionary<string, long>(counters.SystemSuccesses),
            SystemFailures = new SortedDictionary<string, long>(counters.SystemFailures),
            Elapsed = clock.Elapsed,
        };
    }

    private TimeSpan FlushAfter => TimeSpan.FromMilliseconds(options.BatchFlushMilliseconds);

    private ExecutionDataflowBlockOptions BlockOptions(CancellationToken abort, int parallelism) =>
        Options(abort, parallelism, options.BoundedCapacity);

    /// <summary>
    /// For the blocks that take batches: a bounded capacity counts messages, and a message there is a batch of up to
    /// hundreds of requests, so the pipeline's capacity would let hundreds of batches queue in front of a slow writer
    /// (a 5x season replay once held 30,000 requests in flight, p50 13 s). Each holds the batches it works on and one
    /// more waiting; a full one makes the batch before it hold, and so on back to the source.
    /// </summary>
    private static ExecutionDataflowBlockOptions BatchOptions(CancellationToken abort, int parallelism) =>
        Options(abort, parallelism, BatchCapacity(parallelism));

    private static ExecutionDataflowBlockOptions Options(CancellationToken abort, int parallelism, int capacity) => new()
    {
        BoundedCapacity = capacity,
        MaxDegreeOfParallelism = Math.Max(1, parallelism),
        CancellationToken = abort,
    };

    private static int BatchCapacity(int parallelism) => Math.Max(1, parallelism) + 1;

    /// <summary>
    /// The write and the publish hold only the batch they work on: the next write batch already waits, full, in the
    /// write batch's output, and a write batch is up to 2,048 requests with their features and rows (a 5x season replay
    /// peaked at 680 MB with one more waiting in each, 573 MB without, at the same rate).
    /// </summary>
    private static ExecutionDataflowBlockOptions WriteOptions(CancellationToken abort) => Options(abort, parallelism: 1, WriteCapacity);

    private const int WriteCapacity = 1;

    private void RegisterQueues(IPipelineObserver observer, BufferBlock<ReceivedMessage> ingest,
        TransformManyBlock<ReceivedMessage, ValidatedRequest> decode, TransformManyBlock<ValidatedRequest[], PendingRequest> featureLoad,
        ActionBlock<PendingRequest> fanOut, (IPredictionSystem System, TransformBlock<PendingRequest, SystemOutcome> Block)[] systems,
        TransformManyBlock<SystemOutcome, RequestOutcome> join, TransformBlock<RequestOutcome, RequestOutcome> combine,
        TransformBlock<RequestOutcome, RequestPredictions> normalize, TransformBlock<RequestPredictions[], WrittenBatch> write,
        ActionBlock<WrittenBatch> publish, ActionBlock<DeadLetter[]> deadLetterWrite)
    {
        var capacity = options.BoundedCapacity;
        observer.RegisterQueue("ingest", () => ingest.Count, capacity);
        observer.RegisterQueue("decode", () => decode.InputCount, capacity);
        observer.RegisterQueue("feature_load", () => featureLoad.InputCount, BatchCapacity(options.FeatureLoadParallelism));
        observer.RegisterQueue("fan_out", () => fanOut.InputCount, capacity);
        foreach (var (system, block) in systems) observer.RegisterQueue("system_" + system.Id, () => block.InputCount, capacity);
        observer.RegisterQueue("join", () => join.InputCount, capacity);
        observer.RegisterQueue("ensemble", () => combine.InputCount, capacity);
        observer.RegisterQueue("normalize", () => normalize.InputCount, capacity);
        observer.RegisterQueue("write", () => write.InputCount, WriteCapacity);
        observer.RegisterQueue("publish", () => publish.InputCount, WriteCapacity);
        observer.RegisterQueue("dead_letter", () => deadLetterWrite.InputCount, BatchCapacity(1));
    }

    private static void CompleteWhenAll(IDataflowBlock target, IEnumerable<Task> producers) =>
        Task.WhenAll(producers).ContinueWith(done =>
        {
            if (done.IsFaulted) target.Fault(done.Exception!.GetBaseException());
            else target.Complete();
        }, TaskScheduler.Default);
}
