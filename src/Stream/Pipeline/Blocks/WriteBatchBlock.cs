using System.Diagnostics;
using System.Threading.Tasks.Dataflow;

namespace StreamProcessor.Stream.Pipeline.Blocks;

/// <summary>
/// write-batch: gathers requests for one write. A batch leaves as soon as every request the feature loads have let
/// through has reached it (nothing more is on its way) and the write block has no batch waiting; when full; or, under a
/// load that never drains, once its first request has waited the flush delay and the write block has no batch waiting.
/// The clock alone (what this did before) cut batches wherever its tick fell: a day's 312 requests were written as 138
/// and then 174, one write and one publish more on the critical path, and a trickle waited up to a tick for nothing.
/// </summary>
/// <remarks>
/// Batches leave in order, one at a time, and a full one waits until the write block takes it: meanwhile this block
/// takes no more requests, so a slow writer slows everything before it instead of queueing requests without bound.
/// </remarks>
internal static class WriteBatchBlock
{
    /// <param name="onTheirWay">Requests let through by the feature loads that have not reached this block yet.</param>
    /// <param name="backlog">Batches waiting for the write block (its input queue).</param>
    public static IPropagatorBlock<T, T[]> Create<T>(int batchSize, TimeSpan flushAfter, int boundedCapacity,
        RequestsOnTheirWay onTheirWay, Func<int> backlog, CancellationToken cancellationToken)
    {
        var gate = new Lock();
        var gathered = new List<T>(batchSize);
        var firstAt = 0L;
        var sending = new SemaphoreSlim(1, 1); // one batch in flight to the output at a time keeps them in order
        var output = new BufferBlock<T[]>(new DataflowBlockOptions { BoundedCapacity = 1, CancellationToken = cancellationToken });

        T[]? Take()
        {
            lock (gate)
            {
                if (gathered.Count == 0) return null;
                var batch = gathered.ToArray();
                gathered.Clear();
                return batch;
            }
        }

        async Task SendAsync()
        {
            await sending.WaitAsync(cancellationToken);
            try
            {
                if (Take() is { } batch && !await output.SendAsync(batch, cancellationToken))
                    throw new InvalidOperationException("the write batch's output stopped accepting batches");
            }
            finally
            {
                sending.Release();
            }
        }

        var input = new ActionBlock<T>(async request =>
        {
            bool send;
            lock (gate)
            {
                if (gathered.Count == 0) firstAt = Stopwatch.GetTimestamp();
                gathered.Add(request);
                var drained = onTheirWay.Arrived() == 0;
                send = gathered.Count >= batchSize || (drained && backlog() == 0 && output.Count == 0);
            }
            if (send) await SendAsync();
        }, new ExecutionDataflowBlockOptions { BoundedCapacity = Math.Max(boundedCapacity, batchSize), CancellationToken = cancellationToken });

        var timer = new Timer(_ =>
        {
            if (!sending.Wait(0)) return; // a batch is on its way out: it is the one the write block takes next
            try
            {
                bool due;
                lock (gate) due = gathered.Count > 0 && Stopwatch.GetElapsedTime(firstAt) >= flushAfter && backlog() == 0 && output.Count == 0;
                // The output is empty and nothing else sends while this holds the semaphore, so the post is accepted.
                if (due && Take() is { } batch && !output.Post(batch))
                    lock (gate) gathered.InsertRange(0, batch); // not expected; never lose a batch over it
            }
            finally
            {
                sending.Release();
            }
        }, null, flushAfter, flushAfter);

        input.Completion.ContinueWith(async done =>
        {
            timer.Dispose();
            if (done.IsFaulted)
            {
                ((IDataflowBlock)output).Fault(done.Exception!.GetBaseException());
                return;
            }
            if (!done.IsCanceled)
            {
                try
                {
                    await SendAsync();
                }
                catch (Exception e)
                {
                    ((IDataflowBlock)output).Fault(e);
                    return;
                }
            }
            output.Complete();
        }, TaskScheduler.Default);
        return DataflowBlock.Encapsulate(input, output);
    }
}
