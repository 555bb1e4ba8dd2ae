namespace StreamProcessor.Stream.Pipeline.Messages;

/// <summary>A batch after its write: committed (Error null), or not written at all and so never to be acknowledged.</summary>
internal sealed record WrittenBatch(RequestPredictions[] Requests, TimeSpan WriteTime, Exception? Error);
