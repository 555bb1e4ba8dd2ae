using StreamProcessor.Stream.Sources;

namespace StreamProcessor.Stream.Pipeline.Messages;

/// <summary>A message as it enters the pipeline, stamped with its arrival (a Stopwatch timestamp).</summary>
internal sealed record ReceivedMessage(SourceMessage Message, long ReceivedAt);
