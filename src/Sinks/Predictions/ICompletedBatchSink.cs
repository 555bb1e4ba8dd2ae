namespace StreamProcessor.Sinks.Predictions;

/// <summary>
/// A warehouse that records a whole <see cref="CompletedBatch"/> in one atomic write: the rows, the events and the
/// execution log commit together or not at all. Used in place of the prediction sink, event publisher and execution
/// log's three writes when the events and the log live in that same warehouse; a call returns once all of it is
/// durable, and writing a batch again changes nothing (every part is an upsert on its key, a skip never overwrites
/// the run that did the work). Its execution-log rows carry the write's own time as their write time and no publish
/// time: the event is part of the write.
/// </summary>
public interface ICompletedBatchSink
{
    Task WriteAsync(CompletedBatch batch, CancellationToken cancellationToken);
}
