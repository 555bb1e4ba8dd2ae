namespace StreamProcessor.Stream.Pipeline.Messages;

/// <summary>
/// A batch after its write: committed (Error null), or not written at all and so never to be acknowledged. Completed:
/// its events and execution-log rows were committed with it (<see cref="Sinks.Predictions.ICompletedBatchSink"/>), so
/// only the acknowledgement is left; else the publish block publishes the events and logs the runs first.
/// </summary>
internal sealed record WrittenBatch(RequestPredictions[] Requests, TimeSpan WriteTime, Exception? Error, bool Completed = false);
