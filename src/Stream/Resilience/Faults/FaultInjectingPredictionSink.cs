using System.Runtime.CompilerServices;
using StreamProcessor.Sinks.Predictions;

namespace StreamProcessor.Stream.Resilience.Faults;

/// <summary>
/// Wraps the prediction sink so that each batch's first writes fail transiently, or every write fails; as a
/// <see cref="ICompletedBatchSink"/> too, when the sink it wraps is one.
/// </summary>
public sealed class FaultInjectingPredictionSink(IPredictionSink inner, SinkFaultOptions faults) : IPredictionSink, ICompletedBatchSink
{
    private sealed class Attempts { public int Count; }

    // Keyed by the batch object itself: a retry re-sends the same batch, a new batch starts at zero.
    private readonly ConditionalWeakTable<PredictionBatch, Attempts> _attempts = new();

    public Task WriteAsync(PredictionBatch batch, CancellationToken cancellationToken)
    {
        Fail(batch);
        return inner.WriteAsync(batch, cancellationToken);
    }

    public Task WriteAsync(CompletedBatch batch, CancellationToken cancellationToken)
    {
        var completed = inner as ICompletedBatchSink
                        ?? throw new InvalidOperationException($"{inner.GetType().Name} does not write completed batches");
        Fail(batch.Predictions);
        return completed.WriteAsync(batch, cancellationToken);
    }

    private void Fail(PredictionBatch batch)
    {
        if (faults.Permanent) throw new InjectedFaultException("injected permanent sink failure", transient: false);
        var attempts = _attempts.GetValue(batch, _ => new Attempts());
        if (Interlocked.Increment(ref attempts.Count) <= faults.TransientFailuresPerBatch)
            throw new InjectedFaultException($"injected transient sink failure (attempt {attempts.Count} of this batch)", transient: true);
    }
}
